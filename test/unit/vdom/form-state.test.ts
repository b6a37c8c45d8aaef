/**
 * Fields hold what the user typed; the server's tree learns it from the events, so clearing or
 * resetting a field after a submit produces the patch that clears it in the page.
 */
import { describe, expect, it } from 'vitest';
import { signal } from '../../../src/runtime/reactive/index.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Op, type Patch } from '../../../src/runtime/vdom/patch.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import type { Component, VElement } from '../../../src/runtime/vdom/vnode.ts';

function hidOf(root: Root, tag: string): number {
  return [...root.interactive.values()].find((e: VElement) => e.tag === tag)!.hid!;
}
const sets = (ps: Patch[], name: string) => ps.filter((p) => (p.op === Op.SetProp || p.op === Op.SetAttr) && (p as { name: string }).name === name);

describe('field state from events', () => {
  it('a form cleared after its submit sends the patch that empties the typed field', () => {
    const items = signal<string[]>([]);
    const App: Component = () =>
      h(
        'form',
        { onSubmit: (e: { data: { get(n: string): string | null } }) => items.set([...items.get(), e.data.get('title')!]) },
        h('input', { name: 'title', value: '' }),
        h('ul', null, ...items.get().map((t) => h('li', { key: t }, t))),
      );
    const root = new Root();
    root.mount(h(App, null));
    const fields: Array<[string, string]> = [['title', 'Buy milk']];
    root.dispatch(hidOf(root, 'form'), 'submit', { fields, data: { get: (n: string) => (n === 'title' ? 'Buy milk' : null) } });
    const patches = root.flush();
    const value = sets(patches, 'value');
    expect(value).toHaveLength(1);
    expect((value[0] as { value: unknown }).value).toBe('');
  });

  it('an input event records the typed value, so echoing it back sends nothing', () => {
    const text = signal('');
    const App: Component = () => h('input', { name: 'q', value: text.get(), onInput: (e: { value: string }) => text.set(e.value) });
    const root = new Root();
    root.mount(h(App, null));
    root.dispatch(hidOf(root, 'input'), 'input', { value: 'hel' });
    expect(sets(root.flush(), 'value')).toEqual([]);
    // The server then clears it: that must reach the page.
    text.set('');
    expect(sets(root.flush(), 'value')).toHaveLength(1);
  });

  it('checkboxes record checked; props objects the app shares are not mutated', () => {
    const shared = { type: 'checkbox', name: 'done', checked: false };
    const App: Component = () => h('input', { ...shared, onChange: () => {} });
    const root = new Root();
    root.mount(h(App, null));
    root.dispatch(hidOf(root, 'input'), 'change', { value: 'on', checked: true });
    expect(shared.checked).toBe(false);
    root.invalidateAll();
    expect(sets(root.flush(), 'checked')).toHaveLength(1);
  });
});
