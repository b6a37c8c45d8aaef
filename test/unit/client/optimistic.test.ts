// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { optimistic, revert } from '../../../src/client/optimistic.ts';

const ALL = Number.MAX_SAFE_INTEGER;

function el(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}
const decl = (o: unknown) => JSON.stringify(o).replace(/'/g, '&#39;');

afterEach(() => revert(ALL));

describe('optimistic updates', () => {
  it('adds, removes and toggles classes, and undoes exactly that', () => {
    const b = el(`<button class="b c" data-optimistic='${decl({ class: '+a -b ~c ~d +c -zz' })}'>x</button>`);
    optimistic(b, 'click', 1);
    expect([...b.classList].sort()).toEqual(['a', 'c', 'd']);
    revert(1);
    expect([...b.classList].sort()).toEqual(['b', 'c']);
  });

  it('a class without a sign is added', () => {
    const b = el(`<button data-optimistic='${decl({ class: 'busy' })}'>x</button>`);
    optimistic(b, 'click', 1);
    expect(b.className).toBe('busy');
    revert(1);
    expect(b.className).toBe('');
  });

  it('replaces the text and puts the original nodes back', () => {
    const b = el(`<button data-optimistic='${decl({ text: 'Saving…' })}'>Save <b>now</b></button>`);
    const kids = [...b.childNodes];
    optimistic(b, 'click', 4);
    expect(b.textContent).toBe('Saving…');
    revert(4);
    expect(b.textContent).toBe('Save now');
    expect([...b.childNodes]).toEqual(kids);
  });

  it('sets and removes attributes, restoring previous values', () => {
    const b = el(`<button title="t" data-optimistic='${decl({ attr: { disabled: '', title: null, 'aria-busy': 'true' } })}'>x</button>`);
    optimistic(b, 'click', 2);
    expect(b.hasAttribute('disabled')).toBe(true);
    expect(b.hasAttribute('title')).toBe(false);
    expect(b.getAttribute('aria-busy')).toBe('true');
    revert(2);
    expect(b.hasAttribute('disabled')).toBe(false);
    expect(b.getAttribute('title')).toBe('t');
    expect(b.hasAttribute('aria-busy')).toBe(false);
  });

  it('`on` limits the change to one event type', () => {
    const i = el(`<input data-optimistic='${decl({ on: 'change', class: '+dirty' })}'>`);
    optimistic(i, 'input', 1);
    expect(i.className).toBe('');
    optimistic(i, 'change', 2);
    expect(i.className).toBe('dirty');
  });

  it('reverts up to a seq, newest first, and keeps later changes', () => {
    const b = el(`<button data-optimistic='${decl({ class: '~on', text: 'wait' })}'>go</button>`);
    optimistic(b, 'click', 1);
    optimistic(b, 'click', 2);
    optimistic(b, 'click', 3);
    expect(b.classList.contains('on')).toBe(true);
    revert(2);
    expect(b.classList.contains('on')).toBe(true); // two toggles undone, the third stands
    expect(b.textContent).toBe('wait');
    revert(3);
    expect(b.classList.contains('on')).toBe(false);
    expect(b.textContent).toBe('go');
    expect(b.childNodes.length).toBe(1);
  });

  it('ignores elements without a declaration and malformed ones', () => {
    const b = el('<button class="x">x</button>');
    optimistic(b, 'click', 1);
    const c = el(`<button data-optimistic="{oops">x</button>`);
    optimistic(c, 'click', 2);
    revert(ALL);
    expect(b.className).toBe('x');
    expect(c.textContent).toBe('x');
  });
});
