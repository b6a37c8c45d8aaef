import { describe, expect, it } from 'vitest';
import { signal } from 'vango';
import { mount } from 'vango/test';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import type { SubmitEventData } from '../../../src/runtime/vdom/events.ts';

function Counter() {
  const count = signal(0);
  return (
    <main>
      <h1>Count: {count.get()}</h1>
      <button onClick={() => count.inc()}>+</button>
    </main>
  );
}

function Form() {
  const items = signal<string[]>([]);
  const draft = signal('');
  return (
    <form onSubmit={(e: SubmitEventData) => items.push(e.data.get('title') ?? '')}>
      <input name="title" value={draft.get()} onInput={(e) => draft.set(e.value)} />
      <p>{draft.get()}</p>
      <ul>{items.get().map((t) => <li key={t}>{t}</li>)}</ul>
    </form>
  );
}

describe('vango/test mount()', () => {
  it('renders, clicks through the real dispatch, and reports minimal patches', async () => {
    const view = mount(<Counter />);
    expect(view.html()).toContain('<h1>Count: 0</h1>');
    await view.click('+');
    await view.click('+');
    expect(view.text()).toContain('Count: 2');
    expect(view.patches()).toEqual([{ op: Op.SetText, hid: 3, text: 'Count: 2' }]); // main=1, h1=2, its text=3
  });

  it('types and submits', async () => {
    const view = mount(<Form />);
    await view.type('title', 'milk');
    expect(view.html()).toContain('<p>milk</p>');
    await view.submit((el) => el.tag === 'form', { title: 'milk' });
    expect(view.html()).toContain('<li>milk</li>');
  });

  it('a failed query names what exists and shows the HTML', async () => {
    const view = mount(<Counter />);
    await expect(view.click('nope')).rejects.toThrow(/No element with a click handler matches "nope"[\s\S]*<button>\+[\s\S]*Count: 0/);
  });
});
