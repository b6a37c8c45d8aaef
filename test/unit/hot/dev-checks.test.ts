import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableDevChecks, type DevWarning } from '../../../src/runtime/dev/checks.ts';
import { signal } from '../../../src/runtime/reactive/index.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import type { Component } from '../../../src/runtime/vdom/vnode.ts';

let warnings: DevWarning[];
beforeEach(() => {
  warnings = [];
  enableDevChecks((w) => warnings.push(w));
});
afterEach(() => enableDevChecks(undefined));

describe('dev checks', () => {
  it('warns, naming the component and the fix, when a render writes a signal', () => {
    const total = signal(0, { name: 'total' });
    const Cart: Component = () => {
      total.set(total.peek() + 1);
      return h('p', null, 'cart');
    };
    new Root().mount(h(Cart, null));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.component).toBe('Cart');
    expect(warnings[0]!.message).toMatch(/<Cart> wrote signal "total" while rendering/);
    expect(warnings[0]!.message).toMatch(/event handler or an effect/);
  });

  it('does not warn for writes in handlers', () => {
    const Counter: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, String(n.get()));
    };
    const root = new Root();
    root.mount(h(Counter, null));
    root.dispatch([...root.interactive.keys()][0]!, 'click', {});
    root.flush();
    expect(warnings).toEqual([]);
  });

  it('warns about an event prop that is not a function (a call instead of a function)', () => {
    const save = () => 'saved';
    const Form: Component = () => h('button', { onClick: save() as unknown as () => void }, 'save');
    new Root().mount(h(Form, null));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/onClick of <button> in <Form> is string, not a function/);
    expect(warnings[0]!.message).toMatch(/onClick=\{save\(\)\}/);
  });

  it('warns once about duplicate keys among siblings', () => {
    const List: Component = () => h('ul', null, ...['a', 'b', 'a'].map((k) => h('li', { key: k }, k)));
    const root = new Root();
    root.mount(h(List, null));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/Duplicate key "a" among the children of <ul> in <List>/);
    root.invalidateAll();
    root.flush();
    expect(warnings).toHaveLength(1);
  });

  it('is silent when the checks are off (production)', () => {
    enableDevChecks(undefined);
    const s = signal(0);
    const Bad: Component = () => {
      s.set(s.peek() + 1);
      return h('ul', null, h('li', { key: 1 }, 'x'), h('li', { key: 1 }, 'y'));
    };
    new Root().mount(h(Bad, null));
    expect(warnings).toEqual([]);
  });
});

describe('nesting the HTML parser rewrites', () => {
  it.each([
    [h('p', null, h('div', null, 'x')), /<div> inside <p>/],
    [h('a', { href: '/a' }, h('span', null, h('a', { href: '/b' }, 'x'))), /<a> inside another <a>/],
    [h('button', null, h('button', null, 'x')), /<button> inside another <button>/],
    [h('table', null, h('tr', null, h('td', null, 'x'))), /<tr> directly inside <table>.*<tbody>/],
    [h('table', null, h('tbody', null, h('div', null, 'x'))), /<div> directly inside <tbody>/],
  ])('warns for %#', (tree, message) => {
    const C: Component = () => tree;
    new Root().mount(h(C, null));
    expect(warnings.map((w) => w.message).join('\n')).toMatch(message);
  });

  it('accepts valid nesting', () => {
    const C: Component = () =>
      h('div', null, h('p', null, h('span', null, 'a'), h('a', { href: '/' }, 'b')), h('table', null, h('tbody', null, h('tr', null, h('td', null, h('div', null, 'c'))))));
    new Root().mount(h(C, null));
    expect(warnings).toEqual([]);
  });
});
