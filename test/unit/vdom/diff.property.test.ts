import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signal } from '../../../src/runtime/reactive/index.ts';
import { Fragment, h, raw } from '../../../src/runtime/vdom/h.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import type { ComponentInstance } from '../../../src/runtime/vdom/component.ts';
import { Kind, type Child, type VNode } from '../../../src/runtime/vdom/vnode.ts';
import { needsHid } from '../../../src/runtime/vdom/wire.ts';
import { applyAll, canonChildren, checkMap, containerFromHtml, containerFromMounted } from '../../helpers/dom.ts';
import { renderMounted } from '../../../src/runtime/render/index.ts';

/** Data shape of a generated tree, turned into vnodes by `build` (fresh vnodes on every call). */
type T =
  | { t: 'text'; s: string }
  | { t: 'el'; tag: string; key?: string; attrs: Record<string, string>; click: boolean; ch: T[] }
  | { t: 'frag'; key?: string; ch: T[] }
  | { t: 'comp'; which: 0 | 1 | 2; key?: string; ch: T[] }
  | { t: 'raw'; html: string };

const Wrap = (p: { children?: Child }) => h('div', { class: 'wrap' }, p.children);
const Pass = (p: { children?: Child }) => p.children;
const Multi = (p: { children?: Child }) => ['m:', p.children, h('hr', null)];
const comps = [Wrap, Pass, Multi];

const handler = () => {};
function build(t: T): Child {
  switch (t.t) {
    case 'text':
      return t.s;
    case 'raw':
      return raw(t.html);
    case 'el':
      return h(t.tag, { ...t.attrs, key: t.key, onClick: t.click ? handler : undefined }, t.ch.map(build));
    case 'frag':
      return h(Fragment, { key: t.key }, t.ch.map(build));
    case 'comp':
      return h(comps[t.which]!, { key: t.key }, t.ch.map(build));
  }
}

const key = fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: undefined });
const tree: fc.Arbitrary<T> = fc.letrec<{ node: T }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('text' as const), s: fc.constantFrom('x', 'y', 'hello', '', '<&>', ' ') }),
    fc.record({
      t: fc.constant('el' as const),
      tag: fc.constantFrom('div', 'span', 'p', 'b', 'button'),
      key,
      attrs: fc.dictionary(fc.constantFrom('class', 'id', 'title', 'data-x'), fc.constantFrom('1', '2', 'a b'), { maxKeys: 2 }),
      click: fc.boolean(),
      ch: fc.array(tie('node'), { maxLength: 4 }),
    }),
    fc.record({ t: fc.constant('frag' as const), key, ch: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ t: fc.constant('comp' as const), which: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>, key, ch: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ t: fc.constant('raw' as const), html: fc.constantFrom('<b>r</b>', 'plain', '<i>1</i><i>2</i>') }),
  ),
})).node;

/** Keys must be unique among siblings; drop duplicates the generator produced. */
function dedupe(t: T): T {
  if (t.t === 'text' || t.t === 'raw') return t;
  const seen = new Set<string>();
  const ch = t.ch.map(dedupe).map((c) => {
    if ((c.t === 'el' || c.t === 'frag' || c.t === 'comp') && c.key !== undefined) {
      if (seen.has(c.key)) return { ...c, key: undefined };
      seen.add(c.key);
    }
    return c;
  });
  return { ...t, ch };
}
const list = fc.array(tree, { maxLength: 5 }).map((ch) => dedupe({ t: 'frag', ch }));

/** A deterministic pseudo-random edit of a tree: most nodes survive, some change in every possible way. */
function mutate(t: T, rnd: () => number): T {
  const pick = <X,>(xs: readonly X[]): X => xs[Math.floor(rnd() * xs.length)]!;
  if (t.t === 'text') return rnd() < 0.3 ? { t: 'text', s: pick(['x', 'y', 'changed', '']) } : t;
  if (t.t === 'raw') return rnd() < 0.2 ? { t: 'raw', html: pick(['<b>r</b>', 'other']) } : t;
  let ch = t.ch.map((c) => mutate(c, rnd));
  const r = rnd();
  if (r < 0.15 && ch.length > 0) ch.splice(Math.floor(rnd() * ch.length), 1);
  else if (r < 0.3) ch.splice(Math.floor(rnd() * (ch.length + 1)), 0, pick<T>([{ t: 'text', s: 'new' }, { t: 'el', tag: 'i', attrs: {}, click: false, ch: [] }, { t: 'el', tag: 'b', key: 'n', attrs: {}, click: true, ch: [{ t: 'text', s: 'k' }] }]));
  else if (r < 0.45) ch = [...ch].sort(() => rnd() - 0.5);
  if (t.t !== 'el') return { ...t, ch };
  const attrs = { ...t.attrs };
  const a = rnd();
  if (a < 0.2) attrs[pick(['class', 'id', 'title', 'data-x'])] = pick(['1', '2', 'zz']);
  else if (a < 0.3) delete attrs[pick(Object.keys(attrs).concat('class'))];
  return { ...t, tag: rnd() < 0.05 ? pick(['div', 'span']) : t.tag, attrs, click: rnd() < 0.15 ? !t.click : t.click, ch };
}

function rng(seed: number): () => number {
  let x = seed | 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * Trees the HTML parser keeps as written: no block inside <p> (the parser closes the p), no button
 * inside a button. (Browsers fix such markup up; the dev server warns about it.)
 */
function parserStable(t: T, inButton = false): T {
  if (t.t === 'text' || t.t === 'raw') return t;
  if (t.t === 'el') {
    const tag = t.tag === 'p' ? 'section' : inButton && t.tag === 'button' ? 'span' : t.tag;
    return { ...t, tag, ch: t.ch.map((c) => parserStable(c, inButton || tag === 'button')) };
  }
  return { ...t, ch: t.ch.map((c) => parserStable(c, inButton)) };
}

/** Mount `a`, switch to `b`, apply the patches to a DOM built from `a`; return it with a DOM built from `b`. */
function run(a: T, b: T) {
  const which = signal(0);
  const App = () => (which.get() === 0 ? build(a) : build(b));
  const root = new Root();
  root.mount(h(App, null));
  const live = containerFromMounted(root.top!);
  which.set(1);
  const patches = root.flush();
  applyAll(patches, live.map);
  const fresh = new Root();
  fresh.mount(h(() => build(b), null));
  const expected = containerFromMounted(fresh.top!);
  return { root, live, expected, patches };
}

describe('diff (property)', () => {
  it('patching the DOM of the old tree yields the DOM of the new tree', () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const { root, live, expected } = run(a, b);
        expect(canonChildren(live.el)).toBe(canonChildren(expected.el));
        checkMap(root.top!, live.el, live.map);
      }),
      { numRuns: 700 },
    );
  });

  it('a tree and an edited copy of it patch to the same DOM', () => {
    fc.assert(
      fc.property(list, fc.integer(), (a, seed) => {
        const b = dedupe(mutate(a, rng(seed)));
        const { root, live, expected } = run(a, b);
        expect(canonChildren(live.el)).toBe(canonChildren(expected.el));
        checkMap(root.top!, live.el, live.map);
      }),
      { numRuns: 700 },
    );
  });

  it('server HTML, numbered by the client walk, is the DOM the wire form builds, and patches apply to it', () => {
    fc.assert(
      fc.property(list, fc.integer(), (a0, seed) => {
        const which = signal(0);
        const a = parserStable(a0);
        const b = parserStable(dedupe(mutate(a, rng(seed))));
        const root = new Root();
        root.mount(h(() => (which.get() === 0 ? build(a) : build(b)), null));
        const fromHtml = containerFromHtml(renderMounted(root.top!));
        expect(canonChildren(fromHtml.el)).toBe(canonChildren(containerFromMounted(root.top!).el));
        checkMap(root.top!, fromHtml.el, fromHtml.map);
        which.set(1);
        applyAll(root.flush(), fromHtml.map);
        const fresh = new Root();
        fresh.mount(h(() => build(b), null));
        expect(canonChildren(fromHtml.el)).toBe(canonChildren(containerFromMounted(fresh.top!).el));
        checkMap(root.top!, fromHtml.el, fromHtml.map);
      }),
      { numRuns: 500 },
    );
  });

  it('identical trees produce no patches', () => {
    fc.assert(
      fc.property(list, (a) => {
        expect(run(a, a).patches).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keyed reorders move at most n - LIS nodes and never re-create kept rows', () => {
    const ids = Array.from({ length: 30 }, (_, i) => i);
    fc.assert(
      fc.property(fc.shuffledSubarray(ids), fc.shuffledSubarray(ids), (xs, ys) => {
        const row = (i: number) => h('li', { key: i }, `row ${i}`);
        const a: VNode = h('ul', null, xs.map(row));
        const b: VNode = h('ul', null, ys.map(row));
        const which = signal(0);
        const root = new Root();
        root.mount(h(() => (which.get() === 0 ? a : b), null));
        const live = containerFromMounted(root.top!);
        const before = new Map(Array.from(live.el.querySelectorAll('li')).map((li) => [li.textContent, li]));
        which.set(1);
        const patches = root.flush();
        applyAll(patches, live.map);
        expect(Array.from(live.el.querySelectorAll('li')).map((li) => li.textContent)).toEqual(ys.map((i) => `row ${i}`));
        for (const li of Array.from(live.el.querySelectorAll('li'))) {
          if (before.has(li.textContent)) expect(before.get(li.textContent)).toBe(li);
        }
        const kept = ys.filter((y) => xs.includes(y));
        const order = kept.map((y) => xs.indexOf(y));
        const moves = patches.filter((p) => p.op === Op.Move).length;
        expect(moves).toBeLessThanOrEqual(kept.length - lisLength(order));
        expect(patches.filter((p) => p.op === Op.Insert).length).toBe(ys.length - kept.length);
        expect(patches.filter((p) => p.op === Op.Remove).length).toBe(xs.length - kept.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('diff (property): sequences', () => {
  /** A component that re-renders on its own (reads `bump`) and grows or shrinks its DOM when it does. */
  const bump = signal(0);
  const Own = (p: { children?: Child }) => [p.children, bump.get() % 2 === 1 ? h('em', { onClick: handler }, 'own') : null];
  function buildOwn(t: T): Child {
    switch (t.t) {
      case 'el':
        return h(t.tag, { ...t.attrs, key: t.key, onClick: t.click ? handler : undefined }, t.ch.map(buildOwn));
      case 'frag':
        return h(Fragment, { key: t.key }, t.ch.map(buildOwn));
      case 'comp':
        return h(t.which === 1 ? Own : comps[t.which]!, { key: t.key }, t.ch.map(buildOwn));
      default:
        return build(t);
    }
  }

  /** Every mounted node's parent link names its container, and the interactive map holds exactly the interactive elements. */
  function checkLinks(root: Root): void {
    const interactive = new Map<number, VNode>();
    const visit = (v: VNode, parent: VNode | undefined): void => {
      if (v.parent !== parent) throw new Error(`kind ${v.kind} node (hid ${v.hid}) has a stale parent link`);
      if (v.kind === Kind.Element || v.kind === Kind.Fragment) for (const c of v.children) visit(c, v);
      if (v.kind === Kind.Element && needsHid(v)) interactive.set(v.hid!, v);
      if (v.kind === Kind.Component) {
        const inst = v.instance as ComponentInstance;
        if (inst.vnode !== v) throw new Error('instance.vnode is not the mounted component vnode');
        visit(inst.out, v);
      }
    };
    visit(root.top!, undefined);
    expect(root.interactive.size).toBe(interactive.size);
    for (const [hid, el] of interactive) expect(root.interactive.get(hid)).toBe(el);
  }

  it('edits and components re-rendering on their own keep the DOM, the parent links and the interactive map exact', () => {
    fc.assert(
      fc.property(list, fc.integer(), (a, seed) => {
        const rnd = rng(seed);
        const steps = [a];
        for (let i = 0; i < 3; i++) steps.push(dedupe(mutate(steps[steps.length - 1]!, rnd)));
        const which = signal(0);
        bump.set(0);
        const root = new Root();
        root.mount(h(() => buildOwn(steps[which.get()]!), null));
        const live = containerFromMounted(root.top!);
        const check = () => {
          const fresh = new Root();
          fresh.mount(h(() => buildOwn(steps[which.peek()]!), null));
          expect(canonChildren(live.el)).toBe(canonChildren(containerFromMounted(fresh.top!).el));
          checkMap(root.top!, live.el, live.map);
          checkLinks(root);
          fresh.dispose();
        };
        for (let i = 1; i < steps.length; i++) {
          which.set(i);
          applyAll(root.flush(), live.map);
          check();
          // Only the `Own` instances are dirty: each re-renders in place, between its siblings.
          bump.set(bump.peek() + 1);
          applyAll(root.flush(), live.map);
          check();
          // The same tree again, rendered afresh: everything is kept, nothing is patched.
          which.set(i);
          root.invalidateAll();
          expect(root.flush()).toEqual([]);
          checkLinks(root);
        }
        root.dispose();
      }),
      { numRuns: 300 },
    );
  });
});

function lisLength(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (tails[m]! < x) lo = m + 1;
      else hi = m;
    }
    tails[lo] = x;
  }
  return tails.length;
}
