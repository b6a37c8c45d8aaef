/**
 * Test helpers: a real DOM (happy-dom), the client's patch applier, and structural comparison.
 */
import { Window } from 'happy-dom';
import { applyPatch, build } from '../../src/client/apply.ts';
import { NodeMap } from '../../src/client/nodes.ts';
import { HID_ATTR } from '../../src/runtime/vdom/attrs.ts';
import type { Patch } from '../../src/runtime/vdom/patch.ts';
import { Kind, type VNode } from '../../src/runtime/vdom/vnode.ts';
import { toWire } from '../../src/runtime/vdom/wire.ts';

export function newDocument(): Document {
  const win = new Window({ url: 'http://localhost/' });
  return win.document as unknown as Document;
}

/** A live-root container filled from server HTML and numbered by the client's walk. */
export function containerFromHtml(html: string, doc = newDocument()): { el: Element; map: NodeMap } {
  const el = doc.createElement('div');
  el.id = 'vango-root';
  doc.body.appendChild(el);
  el.innerHTML = html;
  const map = new NodeMap(el);
  map.walk(el, 1);
  return { el, map };
}

/** A live-root container built from a mounted tree through the wire form (what Insert would build). */
export function containerFromMounted(top: VNode, doc = newDocument()): { el: Element; map: NodeMap } {
  const el = doc.createElement('div');
  doc.body.appendChild(el);
  const map = new NodeMap(el);
  const nodes: Node[] = [];
  let next = 1;
  for (const w of toWire(top)) next = build(doc, w, map, next, nodes, null);
  for (const n of nodes) el.appendChild(n);
  return { el, map };
}

export function applyAll(patches: Patch[], map: NodeMap): void {
  for (const p of patches) applyPatch(p, map);
}

/** A canonical string of a DOM subtree: tags, sorted attributes (without data-hid values), texts, comments. */
export function canon(n: Node, withHid = false): string {
  // Empty comments are the renderer's separators between adjacent text nodes: inert, not compared.
  if (n.nodeType === 8 && (n as Comment).data === '') return '';
  if (n.nodeType === 3) return JSON.stringify((n as Text).data);
  if (n.nodeType === 8) return `<!--${(n as Comment).data}-->`;
  const el = n as Element;
  const attrs = Array.from(el.attributes)
    .map((a) => (a.name === HID_ATTR && !withHid ? `${a.name}` : `${a.name}=${JSON.stringify(a.value)}`))
    .sort()
    .join(' ');
  let inner = '';
  for (let c = el.firstChild; c; c = c.nextSibling) inner += canon(c, withHid);
  return `<${el.localName}${attrs ? ' ' + attrs : ''}>${inner}</${el.localName}>`;
}

export function canonChildren(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) s += canon(c);
  return s;
}

/**
 * Assert that the client's map addresses exactly the DOM nodes the server's mounted tree describes:
 * walking both in parallel, map.get(v.hid) is the DOM node at v's position.
 */
export function checkMap(top: VNode, el: Element, map: NodeMap): void {
  const dom: Node[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (!(c.nodeType === 8 && (c as Comment).data === '')) dom.push(c);
  const vs: VNode[] = [];
  flat(top, vs);
  let di = 0;
  for (const v of vs) {
    const d = dom[di]!;
    if (map.get(v.hid!) !== d) throw new Error(`hid ${v.hid} does not address the DOM node at position ${di}`);
    if (v.kind === Kind.Element) {
      if (v.tag !== 'textarea') checkMap({ kind: Kind.Fragment, children: v.children, key: undefined }, d as Element, map);
      di++;
    } else if (v.kind === Kind.Raw) {
      while (dom[di] && !(dom[di]!.nodeType === 8 && (dom[di] as Comment).data === ']')) di++;
      di++;
    } else di++;
  }
  if (di !== dom.length) throw new Error(`DOM has ${dom.length - di} extra nodes`);
}

function flat(v: VNode, out: VNode[]): void {
  if (v.kind === Kind.Fragment) for (const c of v.children) flat(c, out);
  else if (v.kind === Kind.Component) flat(v.instance!.out, out);
  else out.push(v);
}
