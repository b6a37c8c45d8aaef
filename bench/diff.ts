/**
 * Diff cost on Node: same tree (100 nodes), one text change, keyed reorder of 100 rows, and a
 * 1,000-node tree. The figure is the reconciler's work alone (flush: render call + diff + patches),
 * with the time to build the new vnode tree measured separately and subtracted.
 * Budgets (ARCHITECTURE.md): 1,000-node tree ≤ 100 µs, keyed reorder of 100 ≤ 50 µs.
 *
 * Run: `npx node bench/diff.ts`
 */
import { signal } from '../src/runtime/reactive/index.ts';
import { h } from '../src/runtime/vdom/h.ts';
import { Root } from '../src/runtime/vdom/root.ts';
import type { VNode } from '../src/runtime/vdom/vnode.ts';
import { isMain, time } from './lib/measure.ts';

function tree(nodes: number, textOf: (i: number) => string): VNode {
  // ~5 nodes per row: li > (span > text) + (button > text)
  const rows = Math.max(1, Math.floor((nodes - 2) / 5));
  const items: VNode[] = [];
  for (let i = 0; i < rows; i++) {
    items.push(h('li', { class: i % 2 ? 'odd' : 'even' }, h('span', null, textOf(i)), h('button', { onClick: noop }, 'x')));
  }
  return h('div', { id: 'app' }, h('ul', null, items));
}
function noop() {}

function keyed(order: number[]): VNode {
  return h('ul', null, order.map((id) => h('li', { key: id }, `row ${id}`)));
}

/**
 * Diff `make(i)` against the previous tree, once per call. A diff consumes its new tree, so each
 * iteration builds one; the time to build it (measured alone in the same run) is subtracted, which
 * leaves the reconciler's work on a freshly rendered tree, as in a real re-render.
 */
function bench(first: () => VNode, make: (i: number) => VNode): { us: number; patches: number } {
  const which = signal(0);
  let current: VNode = first();
  const root = new Root();
  root.mount(h(() => (which.get(), current), null));
  let patches = 0;
  let sink: VNode | undefined;
  const both = time((i) => {
    current = make(i);
    which.set(which.peek() + 1);
    patches = root.flush().length;
  }, { rounds: 15 });
  const build = time((i) => {
    sink = make(i);
  }, { rounds: 15 });
  void sink;
  return { us: Math.max(0, both.us - build.us), patches };
}

export interface DiffBenchResult {
  same100: number;
  text100: number;
  keyed100: number;
  large1000: number;
}

export function runDiffBench(opts: { quiet?: boolean } = {}): DiffBenchResult {
  const same = bench(() => tree(100, (i) => `item ${i}`), () => tree(100, (i) => `item ${i}`));
  const text = bench(() => tree(100, (i) => `item ${i}`), (k) => tree(100, (i) => (i === 7 ? `changed ${k}` : `item ${i}`)));
  const ids = Array.from({ length: 100 }, (_, i) => i);
  const shuffled = (seed: number) => {
    const a = [...ids];
    let x = seed + 1;
    for (let i = a.length - 1; i > 0; i--) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const j = x % (i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const reorder = bench(() => keyed(ids), (k) => keyed(shuffled(k)));
  const large = bench(() => tree(1000, (i) => `item ${i}`), () => tree(1000, (i) => `item ${i}`));
  const r = { same100: same.us, text100: text.us, keyed100: reorder.us, large1000: large.us };
  if (!opts.quiet) {
    console.log('diff (µs per diff, median; budgets: 1,000 nodes ≤ 100 µs, keyed reorder 100 ≤ 50 µs)');
    console.log(`  same tree, 100 nodes     ${same.us.toFixed(2).padStart(8)} µs   (${same.patches} patches)`);
    console.log(`  text change, 100 nodes   ${text.us.toFixed(2).padStart(8)} µs   (${text.patches} patches)`);
    console.log(`  keyed reorder, 100 rows  ${reorder.us.toFixed(2).padStart(8)} µs   (${reorder.patches} patches, random shuffle)  ${reorder.us <= 50 ? 'within budget' : 'OVER budget'}`);
    console.log(`  large tree, 1,000 nodes  ${large.us.toFixed(2).padStart(8)} µs   (${large.patches} patches)  ${large.us <= 100 ? 'within budget' : 'OVER budget'}`);
  }
  return r;
}

if (isMain(import.meta.url)) runDiffBench();
