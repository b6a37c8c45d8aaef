/**
 * Diff cost on Node: same tree (100 nodes), one text change, keyed reorder of 100 rows, and a
 * 1,000-node tree. The figure is the reconciler's work alone (flush: render call + diff + patches),
 * timed per flush, with the new vnode tree built outside the timed region.
 * Budgets (ARCHITECTURE.md): 1,000-node tree ≤ 100 µs, keyed reorder of 100 ≤ 50 µs.
 *
 * Run: `npx node bench/diff.ts`
 */
import { signal } from '../src/runtime/reactive/index.ts';
import { h } from '../src/runtime/vdom/h.ts';
import { Root } from '../src/runtime/vdom/root.ts';
import type { VNode } from '../src/runtime/vdom/vnode.ts';
import { isMain } from './lib/measure.ts';

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
 * iteration builds one, untimed, and then times the flush alone (render call + diff + patches): the
 * reconciler's work on a freshly rendered tree, as in a real re-render. The figure is the median over
 * all calls after a warm-up; the mean (which also carries the collector pauses that land in a flush)
 * is returned alongside.
 *
 * An earlier version timed build + flush in rounds, then build alone, and subtracted. The build of the
 * 1,000-node tree costs 2 to 3 times its diff, so on this shared 2-core machine the load drifting
 * between the two measurements moved the difference by more than the figure itself (the same code
 * read 40 µs to 140 µs from one run to the next, and 0 µs once).
 */
function bench(first: () => VNode, make: (i: number) => VNode, ms = 1500): { us: number; mean: number; patches: number } {
  const which = signal(0);
  let current: VNode = first();
  const root = new Root();
  root.mount(h(() => (which.get(), current), null));
  let patches = 0;
  const per: number[] = [];
  const warm = performance.now() + ms / 5;
  const end = warm + ms;
  for (let i = 0; ; i++) {
    current = make(i);
    const t0 = performance.now();
    which.set(which.peek() + 1);
    patches = root.flush().length;
    const t1 = performance.now();
    if (t1 > warm) per.push((t1 - t0) * 1000);
    if (t1 > end && per.length >= 100) break;
  }
  let sum = 0;
  for (const x of per) sum += x;
  per.sort((a, b) => a - b);
  return { us: per[Math.floor(per.length / 2)]!, mean: sum / per.length, patches };
}

export interface DiffBenchResult {
  same100: number;
  text100: number;
  keyed100: number;
  large1000: number;
  large1000Edit: number;
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
  // The same tree with a tenth of its texts changing on every render: the diff also writes patches.
  const largeEdit = bench(() => tree(1000, (i) => `item ${i}`), (k) => tree(1000, (i) => (i % 10 === k % 10 ? `item ${i} v${k}` : `item ${i}`)));
  const r = { same100: same.us, text100: text.us, keyed100: reorder.us, large1000: large.us, large1000Edit: largeEdit.us };
  if (!opts.quiet) {
    console.log('diff (µs per flush, median over calls; budgets: 1,000 nodes ≤ 100 µs, keyed reorder 100 ≤ 50 µs)');
    const mean = (r: { mean: number }) => `mean ${r.mean.toFixed(2).padStart(7)} µs`;
    console.log(`  same tree, 100 nodes     ${same.us.toFixed(2).padStart(8)} µs   ${mean(same)}   (${same.patches} patches)`);
    console.log(`  text change, 100 nodes   ${text.us.toFixed(2).padStart(8)} µs   ${mean(text)}   (${text.patches} patches)`);
    console.log(`  keyed reorder, 100 rows  ${reorder.us.toFixed(2).padStart(8)} µs   ${mean(reorder)}   (${reorder.patches} patches, random shuffle)  ${reorder.us <= 50 ? 'within budget' : 'OVER budget'}`);
    console.log(`  large tree, 1,000 nodes  ${large.us.toFixed(2).padStart(8)} µs   ${mean(large)}   (${large.patches} patches)  ${large.us <= 100 ? 'within budget' : 'OVER budget'}`);
    console.log(`  1,000 nodes, 10% changed ${largeEdit.us.toFixed(2).padStart(8)} µs   ${mean(largeEdit)}   (${largeEdit.patches} patches)  ${largeEdit.us <= 100 ? 'within budget' : 'OVER budget'}`);
  }
  return r;
}

if (isMain(import.meta.url)) runDiffBench();
