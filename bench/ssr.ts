/**
 * SSR throughput: Vango's `renderToString` against preact-render-to-string on the same ~1,000-node
 * page (a nav, a data table of row components, a footer; texts and attributes that need escaping).
 *
 * Two figures:
 * - end to end: both render from the root component, so vnode creation (`h`), component calls and
 *   serialization are all timed;
 * - render only: element trees built once (sub-components called directly), only serialization timed.
 *
 * Same work on both sides: class objects/arrays (Vango serializes them; the Preact page uses a
 * clsx-style helper, as Preact code does), style objects on both. Vango's page also has event
 * handlers, which it writes as `data-hid`/`data-on`; Preact's has none.
 *
 * Run: `npx node bench/ssr.ts`
 */
import { h as ph, type ComponentChildren } from 'preact';
import { renderToString as preactRender } from 'preact-render-to-string';
import { h, normalizeOutput } from '../src/runtime/vdom/h.ts';
import type { Child, VNode } from '../src/runtime/vdom/vnode.ts';
import { Kind } from '../src/runtime/vdom/vnode.ts';
import { renderToString } from '../src/runtime/render/index.ts';

interface Row {
  id: number;
  label: string;
  status: 'ok' | 'warn' | 'fail';
  selected: boolean;
  score: number;
}

const ROWS = 78;
const NAV = 10;

function makeRows(n: number): Row[] {
  const statuses = ['ok', 'warn', 'fail'] as const;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      id: i + 1,
      label: i % 7 === 0 ? `Tom & Jerry <${i}> "quoted"` : `Row number ${i} of the table`,
      status: statuses[i % 3]!,
      selected: i % 11 === 0,
      score: (i * 37) % 100,
    });
  }
  return rows;
}

const rows = makeRows(ROWS);
const noop = (): void => {};

// ---- Vango ----
function VRow(p: { row: Row }): Child {
  const r = p.row;
  return h('tr', { class: { row: true, selected: r.selected, [`status-${r.status}`]: true }, 'data-id': r.id },
    h('td', { class: 'id' }, r.id),
    h('td', null, h('a', { href: `/items/${r.id}?ref=list&sort=asc`, title: r.label }, r.label)),
    h('td', null, h('span', { class: ['badge', r.status], style: { width: r.score, opacity: 0.9 } }, r.status)),
    h('td', null, h('button', { type: 'button', onClick: noop, class: 'btn' }, 'Delete')),
  );
}

function VNav(): Child {
  const items: VNode[] = [];
  for (let i = 0; i < NAV; i++) items.push(h('li', { class: i === 0 ? 'active' : undefined }, h('a', { href: `/section/${i}` }, `Section ${i}`)));
  return h('nav', { 'aria-label': 'Main' }, h('ul', { class: 'nav' }, items));
}

/** The page; `inline` calls the sub-components directly (an element-only tree, for the render-only figure). */
export function VApp(props?: { inline?: boolean }): Child {
  const inline = props?.inline === true;
  return h('div', { id: 'app', class: 'layout' },
    h('header', null, h('h1', null, 'Inventory & Stock'), inline ? VNav() : h(VNav, null)),
    h('main', null,
      h('input', { type: 'search', placeholder: 'Filter…', value: '', onInput: { handler: noop, debounce: 200 } }),
      h('table', { class: 'grid' },
        h('thead', null, h('tr', null, h('th', null, 'Id'), h('th', null, 'Label'), h('th', null, 'Status'), h('th', null, 'Actions'))),
        h('tbody', null, rows.map((r) => (inline ? VRow({ row: r }) : h(VRow, { row: r, key: r.id })))),
      ),
    ),
    h('footer', null, h('p', null, '© 2025 Example Corp. ', h('a', { href: '/about' }, 'About'), ' · ', h('a', { href: '/terms' }, 'Terms'))),
  );
}

// ---- Preact ----
/** What Preact code uses for conditional classes (clsx's algorithm): the work Vango does for `class` objects. */
function cx(v: unknown): string {
  if (typeof v === 'string') return v;
  let out = '';
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = x ? cx(x) : '';
      if (s) out = out ? `${out} ${s}` : s;
    }
  } else if (v && typeof v === 'object') {
    for (const k in v as Record<string, unknown>) if ((v as Record<string, unknown>)[k]) out = out ? `${out} ${k}` : k;
  }
  return out;
}

function PRow(p: { row: Row }): ComponentChildren {
  const r = p.row;
  return ph('tr', { class: cx({ row: true, selected: r.selected, [`status-${r.status}`]: true }), 'data-id': r.id },
    ph('td', { class: 'id' }, r.id),
    ph('td', null, ph('a', { href: `/items/${r.id}?ref=list&sort=asc`, title: r.label }, r.label)),
    ph('td', null, ph('span', { class: cx(['badge', r.status]), style: { width: r.score, opacity: 0.9 } }, r.status)),
    ph('td', null, ph('button', { type: 'button', class: 'btn' }, 'Delete')),
  );
}

function PNav(): ComponentChildren {
  const items = [];
  for (let i = 0; i < NAV; i++) items.push(ph('li', { class: i === 0 ? 'active' : undefined }, ph('a', { href: `/section/${i}` }, `Section ${i}`)));
  return ph('nav', { 'aria-label': 'Main' }, ph('ul', { class: 'nav' }, items));
}

export function PApp(props?: { inline?: boolean }): ComponentChildren {
  const inline = props?.inline === true;
  return ph('div', { id: 'app', class: 'layout' },
    ph('header', null, ph('h1', null, 'Inventory & Stock'), inline ? PNav() : ph(PNav, null)),
    ph('main', null,
      ph('input', { type: 'search', placeholder: 'Filter…', value: '' }),
      ph('table', { class: 'grid' },
        ph('thead', null, ph('tr', null, ph('th', null, 'Id'), ph('th', null, 'Label'), ph('th', null, 'Status'), ph('th', null, 'Actions'))),
        ph('tbody', null, rows.map((r) => (inline ? PRow({ row: r }) : ph(PRow, { row: r, key: r.id })))),
      ),
    ),
    ph('footer', null, ph('p', null, '© 2025 Example Corp. ', ph('a', { href: '/about' }, 'About'), ' · ', ph('a', { href: '/terms' }, 'Terms'))),
  );
}

/** DOM nodes (elements + texts) of the Vango page, calling components like the renderer does. */
function countNodes(v: VNode): number {
  switch (v.kind) {
    case Kind.Element: return 1 + v.children.reduce((n, c) => n + countNodes(c), 0);
    case Kind.Fragment: return v.children.reduce((n, c) => n + countNodes(c), 0);
    case Kind.Component: return countNodes(normalizeOutput(v.type(v.props)));
    default: return 1;
  }
}

/** CPU µs per call of `fn` over a batch of `n` calls (CPU time: less disturbed by other processes). */
function batch(fn: () => string, n: number): number {
  let sink = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) sink += fn().length;
  const c = process.cpuUsage(c0);
  if (sink === 0) throw new Error('empty output');
  return (c.user + c.system) / n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One comparison: median CPU µs per render of each side and the median of the paired ratios. */
export interface SsrFigure {
  vangoOpsPerSec: number;
  preactOpsPerSec: number;
  vangoUsPerRender: number;
  preactUsPerRender: number;
  /** ours / preact (ops/s): > 1 means faster. */
  ratio: number;
}

export interface SsrBenchResult {
  nodes: number;
  vangoBytes: number;
  preactBytes: number;
  /** From the root component: vnode creation (`h`), component calls and serialization. */
  endToEnd: SsrFigure;
  /** Serialization only, of element trees built once outside the timed region. */
  renderOnly: SsrFigure;
}

function compare(vango: () => string, preact: () => string, batches: number, size: number): SsrFigure {
  // Warm up both (JIT tiers) before timing.
  for (let i = 0; i < 10; i++) {
    batch(vango, 100);
    batch(preact, 100);
  }
  const v: number[] = [];
  const p: number[] = [];
  const ratios: number[] = [];
  for (let b = 0; b < batches; b++) {
    const tv = batch(vango, size);
    const tp = batch(preact, size);
    v.push(tv);
    p.push(tp);
    ratios.push(tp / tv);
  }
  const mv = median(v);
  const mp = median(p);
  return {
    vangoOpsPerSec: Math.round(1e6 / mv),
    preactOpsPerSec: Math.round(1e6 / mp),
    vangoUsPerRender: Number(mv.toFixed(1)),
    preactUsPerRender: Number(mp.toFixed(1)),
    ratio: Number(median(ratios).toFixed(2)),
  };
}

function print(name: string, f: SsrFigure): void {
  console.log(`${name}:`);
  console.log(`  vango : ${f.vangoOpsPerSec} ops/s, ${f.vangoUsPerRender} µs/render`);
  console.log(`  preact: ${f.preactOpsPerSec} ops/s, ${f.preactUsPerRender} µs/render`);
  console.log(`  ratio (vango / preact, ops/s): ${f.ratio}x`);
}

/**
 * Run the benchmark. The two renderers alternate in small batches so that both see the same machine
 * conditions; each figure is the median over the batches, the ratio the median of the paired ratios.
 */
export function runSsrBench(opts: { batches?: number; batchSize?: number; quiet?: boolean } = {}): SsrBenchResult {
  const batches = opts.batches ?? 60;
  const size = opts.batchSize ?? 40;
  const vTree = VApp({ inline: true });
  const pTree = PApp({ inline: true });
  const vangoBytes = renderToString(h(VApp, null)).length;
  const preactBytes = preactRender(ph(PApp, null)).length;
  if (renderToString(vTree).length !== vangoBytes || preactRender(pTree as never).length !== preactBytes) {
    throw new Error('the inlined trees do not render the same page');
  }
  const r: SsrBenchResult = {
    nodes: countNodes(h(VApp, null)),
    vangoBytes,
    preactBytes,
    endToEnd: compare(() => renderToString(h(VApp, null)), () => preactRender(ph(PApp, null)), batches, size),
    renderOnly: compare(() => renderToString(vTree), () => preactRender(pTree as never), batches, size),
  };
  if (!opts.quiet) {
    console.log(`page: ${r.nodes} DOM nodes; output: vango ${r.vangoBytes} chars, preact ${r.preactBytes} chars`);
    print('end to end (h + components + render)', r.endToEnd);
    print('render only (prebuilt element tree)', r.renderOnly);
  }
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) runSsrBench();
