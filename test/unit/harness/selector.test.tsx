import { describe, expect, it } from 'vitest';
import { mount } from 'vango/test';
import { SelectorError } from '../../../src/test-harness/selector.ts';

function Page() {
  return (
    <div id="app" class="shell dark">
      <nav>
        <a href="/" class="link active">Home</a>
        <a href="/about" class="link">About</a>
      </nav>
      <main>
        <form data-kind="todo">
          <input name="title" type="text" />
          <button type="submit" class="primary">Add</button>
        </form>
        <ul>
          <li>one</li>
          <li><span>two</span></li>
        </ul>
      </main>
    </div>
  );
}

describe('selectors over the mounted tree', () => {
  const view = mount(<Page />);
  const texts = (sel: string) => view.queryAll(sel).map((el) => el.tag + ':' + (el.props.href ?? el.props.name ?? el.props.id ?? ''));

  it('matches tag, #id, .class, [attr] and [attr=value]', () => {
    expect(texts('a')).toEqual(['a:/', 'a:/about']);
    expect(texts('#app')).toEqual(['div:app']);
    expect(texts('.link.active')).toEqual(['a:/']);
    expect(texts('[href]')).toEqual(['a:/', 'a:/about']);
    expect(texts('[href="/about"]')).toEqual(['a:/about']);
    expect(texts("[data-kind='todo'] input[name=title]")).toEqual(['input:title']);
    expect(texts('button.primary[type=submit]')).toEqual(['button:']);
  });

  it('descendant and child combinators, and lists', () => {
    expect(view.queryAll('ul span')).toHaveLength(1);
    expect(view.queryAll('ul > span')).toHaveLength(0);
    expect(view.queryAll('main > ul > li')).toHaveLength(2);
    expect(view.queryAll('#app li')).toHaveLength(2);
    expect(view.queryAll('nav a, form input')).toHaveLength(3);
    expect(view.query('section')).toBeNull();
  });

  it('rejects syntax it does not support instead of guessing', () => {
    expect(() => view.queryAll('a:hover')).toThrow(SelectorError);
    expect(() => view.queryAll('> a')).toThrow(/misplaced >/);
    expect(() => view.queryAll('a >')).toThrow(/ends with >/);
  });
});
