/**
 * Prerender: a component tree mounted detached with its effects held; adopted by a live root's next
 * mount of the same component type and key, it yields exactly the patches a fresh mount would (same
 * hids, same tree) without rendering again, runs its effects then, and stays reactive in its new root.
 * Dropped, it disposes its tree and its effects never run.
 */
import { describe, expect, it } from 'vitest';
import { effect, onCleanup, signal, type Signal } from '../../../src/runtime/reactive/index.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Prerender } from '../../../src/runtime/vdom/prerender.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import type { Child } from '../../../src/runtime/vdom/vnode.ts';

interface World {
  log: string[];
  ext: Signal<string>;
  inner: { inc(): void } | undefined;
}

/** A page with an effect, a cleanup, a child component with state, and a read of an outside signal. */
function world(): { w: World; Page: (p: { tag: string }) => Child } {
  const w: World = { log: [], ext: signal('a'), inner: undefined };
  function Child() {
    const n = signal(0);
    w.inner = n;
    w.log.push('render child');
    return h('button', { onClick: () => n.inc() }, `n=${n.get()}`);
  }
  function Page({ tag }: { tag: string }) {
    w.log.push('render page');
    effect(() => {
      w.log.push('effect');
      onCleanup(() => w.log.push('cleanup'));
    });
    return h('section', { id: tag }, h('p', null, `ext=${w.ext.get()}`), h(Child, null));
  }
  return { w, Page };
}

/** A live root showing 'empty' until `show` is set, then the page (keyed), after a sibling. */
function live(Page: (p: { tag: string }) => Child, prepared?: Prerender) {
  const show = signal(false);
  const Shell = () => h('div', null, h('span', null, 'head'), show.get() ? h(Page, { key: 'p', tag: 'x' }) : 'empty');
  const root = new Root();
  root.mount(h(Shell, null));
  root.prepared = prepared;
  return { root, show };
}

describe('Prerender', () => {
  it('mounts detached without running effects; dropping it disposes the tree and never runs them', () => {
    const { w, Page } = world();
    const pre = Prerender.render(h(Page, { key: 'p', tag: 'x' }), Page, 'p');
    expect(w.log).toEqual(['render page', 'render child']);
    expect(pre.renders).toBe(1);
    pre.drop();
    w.ext.set('b');
    expect(w.log).toEqual(['render page', 'render child']);
    expect(pre.pending).toBe(false);
  });

  it('adopted, gives the same patches as a fresh mount, without rendering again, then runs its effects', () => {
    const fresh = world();
    const control = live(fresh.Page);
    control.show.set(true);
    const expected = control.root.flush();
    expect(expected.some((p) => p.op === Op.Replace || p.op === Op.Insert)).toBe(true);

    const { w, Page } = world();
    const pre = Prerender.render(h(Page, { key: 'p', tag: 'x' }), Page, 'p');
    const { root, show } = live(Page, pre);
    show.set(true);
    expect(root.flush()).toEqual(expected);
    expect(w.log).toEqual(['render page', 'render child', 'effect']);
    expect(root.prepared).toBeUndefined();
    expect(pre.pending).toBe(false);
    // The same elements are interactive under the same hids.
    expect([...root.interactive.keys()]).toEqual([...control.root.interactive.keys()]);

    // It lives in the new root: its state changes re-render it there; unmounting runs its cleanup.
    w.inner!.inc();
    expect(root.pending).toBe(true);
    expect(root.flush()).toContainEqual({ op: Op.SetText, hid: expect.any(Number), text: 'n=1' });
    show.set(false);
    root.flush();
    expect(w.log.slice(-1)).toEqual(['cleanup']);
  });

  it('a signal that changed while it waited re-renders it in the live root, in the same flush', () => {
    const { w, Page } = world();
    const pre = Prerender.render(h(Page, { key: 'p', tag: 'x' }), Page, 'p');
    w.ext.set('b');
    expect(w.log).toEqual(['render page', 'render child']);
    const { root, show } = live(Page, pre);
    show.set(true);
    // The same frame inserts what it rendered then and brings it up to date.
    const ps = root.flush();
    expect(ps.at(-1)).toEqual({ op: Op.SetText, hid: expect.any(Number), text: 'ext=b' });
    expect(w.log.filter((l) => l === 'render page')).toHaveLength(2);
  });

  it('is not adopted by a mount of another key; that one renders normally', () => {
    const { w, Page } = world();
    const pre = Prerender.render(h(Page, { key: 'other', tag: 'x' }), Page, 'other');
    const { root, show } = live(Page, pre);
    show.set(true);
    root.flush();
    expect(pre.pending).toBe(true);
    expect(w.log.filter((l) => l === 'render page')).toHaveLength(2);
    pre.drop();
    expect(w.log.filter((l) => l === 'effect')).toHaveLength(1);
  });

  it('throws what the render threw, and when the tree has no such component', () => {
    const Boom = () => {
      effect(() => {
        throw new Error('effect must not run');
      });
      throw new Error('boom');
    };
    expect(() => Prerender.render(h(Boom, null), Boom, undefined)).toThrow('boom');
    const A = () => h('p', null, 'a');
    const B = () => h('p', null, 'b');
    expect(() => Prerender.render(h(A, null), B, undefined)).toThrow(/does not render <B>/);
  });
});
