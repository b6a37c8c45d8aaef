/**
 * Round trip through a real HTML parser (parse5): random trees of validly nested elements with random
 * attributes and unicode text are rendered, parsed back, and compared with the vnode tree: tag names,
 * attributes, text, and the client's numbering walk landing on the node with the server's hid (which
 * is what `data-hid` carries). Also: renderToString === renderMounted(mount) === the streamed bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fragment, h, raw } from '../../../src/runtime/vdom/h.ts';
import { Kind, type Child, type VNode } from '../../../src/runtime/vdom/vnode.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import { renderMounted, renderMountedToStream, renderToChunks, renderToStream, renderToString } from '../../../src/runtime/render/index.ts';
import { attrsOf, clientNumbering, collect, isComment, isElement, isText, mountedDomNodes, parse, parsed, testMount, type P5Node, type P5Parent } from './helpers.ts';

/** A shape-only random tree; `build` maps it to valid HTML for the context it lands in. */
interface G {
  pick: number;
  text: string;
  attrs: { name: string; value: string }[];
  cls: Record<string, boolean> | undefined;
  style: Record<string, number | string> | undefined;
  flag: boolean;
  click: boolean;
  hook: boolean;
  kids: G[];
}

const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', '\n', '<', '>', '&', '"', "'", '\r', '\0', 'é', '😀', '\t'), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n', '\nstarts with newline', '</p>', '<!--', '<!--[-->', '-->') },
);
const attrNameArb = fc.constantFrom('id', 'title', 'data-x', 'aria-label', 'lang', 'dir', 'data-long-name');
const gArb: fc.Arbitrary<G> = fc.letrec<{ node: G }>((tie) => ({
  node: fc.record({
    pick: fc.nat(10_000),
    text: textArb,
    attrs: fc.array(fc.record({ name: attrNameArb, value: textArb }), { maxLength: 3 }),
    cls: fc.option(fc.dictionary(fc.constantFrom('a', 'b-c', 'x_y', 'Ünï'), fc.boolean(), { maxKeys: 3 }), { nil: undefined }),
    style: fc.option(fc.dictionary(fc.constantFrom('color', 'fontSize', 'opacity', '--v', 'marginTop'), fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom('red', 'a"b', '1em')), { maxKeys: 2 }), { nil: undefined }),
    flag: fc.boolean(),
    click: fc.boolean(),
    hook: fc.boolean(),
    kids: fc.oneof({ maxDepth: 5, depthIdentifier: 'tree' }, fc.constant<G[]>([]), fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'tree' })),
  }),
})).node;

interface Ctx {
  /** Flow content allowed (else phrasing only). */
  flow: boolean;
  /** Inside a or button: no interactive descendants. */
  interactive: boolean;
  /** Directly inside ul: only li. */
  list: boolean;
}

const FLOW = ['div', 'section', 'p', 'ul', 'h1', 'pre'];
const PHRASING = ['span', 'b', 'i', 'br', 'img'];
const INTERACTIVE = ['a', 'button', 'input', 'textarea'];
const PHRASING_ONLY = new Set(['p', 'h1', 'pre', 'span', 'b', 'i', 'a', 'button']);

const Wrap = (p: { children?: Child }) => p.children;
const Box = (p: { children?: Child; n: number }) => h('span', { 'data-n': p.n }, p.children);
const noop = (): void => {};

function props(g: G, tag: string): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const a of g.attrs) p[a.name] = a.value;
  if (g.cls) p.class = g.cls;
  if (g.style) p.style = g.style;
  if (g.flag) p[tag === 'input' ? 'disabled' : 'hidden'] = true;
  if (tag === 'a') p.href = g.text;
  if (tag === 'img') p.alt = g.text;
  if (tag === 'input') p.value = g.text;
  if (tag === 'textarea') p.value = g.flag ? `\n${g.text}` : g.text;
  if (g.click) p.onClick = noop;
  if (g.hook) p.hook = { name: `H${g.pick % 3}`, config: { t: g.text } };
  return p;
}

/** Build fresh vnodes for `g` in context `ctx` (valid nesting by construction). */
function build(g: G, ctx: Ctx): Child {
  const kind = g.pick % 10;
  if (!ctx.list) {
    if (kind <= 1) return g.text;
    if (kind === 2) return h(Fragment, null, g.kids.map((k) => build(k, ctx)));
    if (kind === 3) return h(Wrap, null, g.text, g.kids.map((k) => build(k, ctx)));
    if (kind === 4 && g.pick % 7 === 0) return raw(g.pick % 2 ? '<em>raw</em> text' : '<!-- c --><b>x</b>');
  }
  let tags: string[];
  if (ctx.list) tags = ['li'];
  else {
    tags = [...PHRASING, ...(ctx.flow ? FLOW : []), ...(ctx.interactive ? [] : INTERACTIVE)];
    if (kind === 4) return h(Box, { n: g.pick }, g.kids.map((k) => build(k, { flow: false, interactive: ctx.interactive, list: false })));
  }
  const tag = tags[Math.floor(g.pick / 10) % tags.length]!;
  const p = props(g, tag);
  if (tag === 'br' || tag === 'img' || tag === 'input' || tag === 'textarea') return h(tag, p);
  const inner: Ctx = {
    flow: ctx.list ? true : !PHRASING_ONLY.has(tag) && ctx.flow,
    interactive: ctx.interactive || tag === 'a' || tag === 'button',
    list: tag === 'ul',
  };
  const kids = g.kids.map((k) => build(k, inner));
  // Exercise the parser's dropped first newline in <pre>.
  return h(tag, p, tag === 'pre' && g.flag ? [`\n${g.text}`, kids] : kids);
}

const tree = (g: G[]): Child => h('div', { id: 'root' }, g.map((k) => build(k, { flow: true, interactive: false, list: false })));

/** Expected attributes of a rendered element, computed independently of the renderer. */
function expectedAttrs(v: VNode & { kind: typeof Kind.Element }): Record<string, string> {
  const r: Record<string, string> = {};
  const p = v.props;
  for (const [k, val] of Object.entries(p)) {
    if (k === 'onClick' || k === 'hook') continue;
    if (k === 'value' && v.tag === 'textarea') continue;
    if (k === 'class') {
      const c = Object.entries(val as Record<string, boolean>).filter(([, on]) => on).map(([n]) => n).join(' ');
      if (c) r.class = c;
    } else if (k === 'style') {
      const parts: string[] = [];
      for (const [sk, sv] of Object.entries(val as Record<string, unknown>)) {
        const name = sk.startsWith('--') ? sk : sk.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
        parts.push(`${name}:${typeof sv === 'number' && sv !== 0 && name !== 'opacity' && !name.startsWith('--') ? `${sv}px` : String(sv)}`);
      }
      if (parts.length) r.style = parsed(parts.join(';'));
    } else if (val === true) r[k] = '';
    else r[k] = k === 'href' && /^[\s\0-\x20]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(String(val)) ? 'about:blank#blocked' : parsed(String(val));
  }
  if (p.onClick || p.hook) r['data-hid'] = String(v.hid);
  if (p.onClick) r['data-on'] = 'click';
  if (p.hook) {
    const hk = p.hook as { name: string; config: unknown };
    r['data-hook'] = hk.name;
    r['data-hook-config'] = JSON.stringify(hk.config);
  }
  return r;
}

/** Parsed nodes without the renderer's empty separator comments. */
function domKids(p: P5Parent): P5Node[] {
  return p.childNodes.filter((c) => !(isComment(c) && c.data === ''));
}

/** Compare a mounted vnode list with parsed DOM siblings; `numbering` is the client's walk. */
function compare(vs: VNode[], dom: P5Node[], numbering: Map<number, P5Node>, path: string): void {
  let di = 0;
  for (const v of vs) {
    const d = dom[di++];
    const where = `${path}/${di - 1}`;
    expect(d, `${where}: missing DOM node for ${v.kind}`).toBeDefined();
    expect(numbering.get(v.hid!), `${where}: client numbering of hid ${v.hid}`).toBe(d);
    if (v.kind === Kind.Text) {
      expect(isText(d!), where).toBe(true);
      const expected = parsed(v.text);
      expect((d as { value: string }).value, where).toBe(expected);
    } else if (v.kind === Kind.Raw) {
      expect(isComment(d!) && d.data === '[', where).toBe(true);
      while (di < dom.length && !(isComment(dom[di]!) && (dom[di] as { data: string }).data === ']')) di++;
      di++;
    } else if (v.kind === Kind.Element) {
      expect(isElement(d!) && d.tagName, where).toBe(v.tag);
      if (!isElement(d!)) return;
      expect(attrsOf(d), where).toEqual(expectedAttrs(v));
      if (v.tag === 'textarea') {
        expect(d.childNodes.map((c) => (c as { value?: string }).value).join(''), where).toBe(parsed(String(v.props.value ?? '')));
      } else if (v.tag === 'input' || v.tag === 'img' || v.tag === 'br') {
        expect(d.childNodes, where).toEqual([]);
      } else {
        const kids: VNode[] = [];
        for (const c of v.children) mountedDomNodes(c, kids);
        compare(kids, domKids(d), numbering, `${where}<${v.tag}>`);
      }
    }
  }
  expect(di, `${path}: extra DOM nodes`).toBe(dom.length);
}

describe('parse5 round trip', () => {
  it('parses back to the vnode tree, and the client numbering matches the hids', () => {
    fc.assert(
      fc.property(fc.array(gArb, { minLength: 1, maxLength: 4 }), (gs) => {
        const mounted = testMount(tree(gs));
        const html = renderMounted(mounted);
        const frag = parse(html);
        const numbering = clientNumbering(frag);
        compare(mountedDomNodes(mounted), domKids(frag), numbering, '');
        // data-hid values are exactly the client's numbers for those elements.
        for (const [n, node] of numbering) if (isElement(node) && attrsOf(node)['data-hid'] !== undefined) expect(attrsOf(node)['data-hid']).toBe(String(n));
      }),
      { numRuns: 300 },
    );
  });

  it('hand-written trees', () => {
    const C = (p: { t: string }) => [p.t, h('b', { onClick: noop }, p.t)];
    const samples: Child[] = [
      h('div', null, 'a', h(C, { t: 'b' }), 'c', raw('<i>r</i><i>s</i>'), h(C, { t: '' })),
      h('ul', null, h('li', null, '1'), h('li', null, h('pre', null, '\n\nx'), h('textarea', { value: '\n' }))),
      h('p', null, h(Fragment, null, 'x'), h(Fragment, null), h(() => null, null), 'y', h('br', null), 'z'),
      h('section', null, h('h1', { class: { a: true } }, 'T'), h('button', { onClick: noop, hook: { name: 'X' } }, h('span', null, 'in'))),
    ];
    for (const s of samples) {
      const mounted = testMount(s);
      const frag = parse(renderMounted(mounted));
      compare(mountedDomNodes(mounted), domKids(frag), clientNumbering(frag), '');
    }
  });
});

describe('renderers agree', () => {
  it('renderToString === renderMounted(mount) === streamed bytes === chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(gArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), async (gs, chunkSize) => {
        const s = renderToString(tree(gs));
        expect(renderMounted(testMount(tree(gs)))).toBe(s);
        expect((await collect(renderToStream(tree(gs), { chunkSize }))).text).toBe(s);
        expect((await collect(renderMountedToStream(testMount(tree(gs)), { chunkSize }))).text).toBe(s);
        expect([...renderToChunks(tree(gs), { chunkSize })].join('')).toBe(s);
      }),
      { numRuns: 150 },
    );
  });

  it('renderToString === renderMounted of the reconciler\'s mount', () => {
    fc.assert(
      fc.property(fc.array(gArb, { minLength: 1, maxLength: 4 }), (gs) => {
        const root = new Root();
        const top = root.mount(tree(gs));
        expect(renderMounted(top)).toBe(renderToString(tree(gs)));
      }),
      { numRuns: 150 },
    );
  });

  it('agree with a starting hid', () => {
    fc.assert(
      fc.property(fc.array(gArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 1000 }), (gs, first) => {
        expect(renderToString(tree(gs), { firstHid: first })).toBe(renderMounted(testMount(tree(gs), first)));
        expect([...renderToChunks(tree(gs), { firstHid: first, chunkSize: 7 })].join('')).toBe(renderToString(tree(gs), { firstHid: first }));
      }),
      { numRuns: 100 },
    );
  });
});
