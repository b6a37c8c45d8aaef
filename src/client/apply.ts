/**
 * Applying patches to the DOM. Pure DOM work: no socket, no globals beyond `document`, so tests run it
 * against a DOM implementation too.
 */
// Op and Kind values are written as literals: the enum objects' property names would survive minification.
import type { Patch, WireNode } from '../runtime/vdom/patch.ts';
import { json } from './json.ts';
import { NodeMap, RAW_END, RAW_START, span, type HNode } from './nodes.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Commands that reach beyond the DOM tree (history, hooks); the client wires them up. */
export interface ApplyHost {
  url?(url: string, replace: boolean): void;
  hookEvent?(el: Element, name: string, payload: string): void;
}

function refused(name: string): boolean {
  return /^on/i.test(name);
}

function ns(parent: Node): string | null {
  const el = parent as Element;
  return el.namespaceURI === SVG && el.localName !== 'foreignObject' ? SVG : null;
}

/** Build DOM nodes for a wire subtree, numbering them from `first`; returns the next free id. */
export function build(doc: Document, w: WireNode, map: NodeMap, first: number, out: Node[], space: string | null): number {
  let next = first + 1;
  let n: Node;
  if (w.kind === 2 /* Kind.Text */) out.push((n = doc.createTextNode(w.text)));
  else if (w.kind === 5 /* Kind.Raw */) {
    const tpl = doc.createElement('template');
    tpl.innerHTML = w.html;
    out.push((n = doc.createComment(RAW_START)), ...tpl.content.childNodes, doc.createComment(RAW_END));
  } else {
    const s = w.tag === 'svg' ? SVG : space;
    const el = (n = s ? doc.createElementNS(s, w.tag) : doc.createElement(w.tag)) as HTMLTextAreaElement;
    out.push(el);
    for (const [name, value] of w.attrs) if (!refused(name)) el.setAttribute(name, value);
    // A textarea's text child is its value, not a numbered node (as in the server's tree and the walk).
    if (w.tag === 'textarea') el.value = el.textContent = (w.children[0] as { text?: string } | undefined)?.text ?? '';
    else {
      const kids: Node[] = [];
      for (const c of w.children) next = build(doc, c, map, next, kids, w.tag === 'foreignObject' ? null : s);
      for (const k of kids) el.appendChild(k);
    }
  }
  map.set(first, n);
  return next;
}

function need(map: NodeMap, hid: number): HNode {
  const n = map.get(hid);
  if (!n) throw Error('unknown node ' + hid);
  return n;
}

function place(parent: Node, nodes: Node[], before: Node | null): void {
  for (const n of nodes) parent.insertBefore(n, before);
}

function drop(map: NodeMap, nodes: Node[]): void {
  for (const x of nodes) map.forget(x), (x as ChildNode).remove();
}

function setProp(el: Element, name: string, value: string | number | boolean): void {
  if (value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
  if (el.localName === 'textarea' && name === 'value') el.textContent = String(value);
  const o = el as any;
  // Assigning an equal value would still reset the caret of the field being typed in ('5' == 5 is equal).
  if (o[name] != value) o[name] = value;
}

/**
 * Apply one patch. Throws on a patch that addresses an unknown node (the caller resyncs).
 * Ops by number, in an if-chain: smaller in the client bundle than a switch over `Op` names.
 */
export function applyPatch(p: Patch, map: NodeMap, host: ApplyHost = {}): void {
  const q = p as any;
  const op = p.op;
  const n = 'hid' in p ? need(map, p.hid) : q;
  const at = () => (q.before ? need(map, q.before) : null);
  if (op < 2) n.data = q.text; // SetText
  else if (op < 3) refused(q.name) || n.setAttribute(q.name, q.value); // SetAttr
  else if (op < 4) n.removeAttribute(q.name); // RemoveAttr
  else if (op < 5) setProp(n, q.name, q.value); // SetProp
  else if (op === 6) drop(map, span(n)); // Remove
  else if (op === 7) place(need(map, q.parent), span(n), at()); // Move
  else if (op < 9) { // Insert (5), Replace (8)
    const olds = op > 5 && span(n);
    const parent = olds ? n.parentNode : need(map, q.parent);
    const nodes: Node[] = [];
    build(map.root.ownerDocument, q.node, map, q.first, nodes, ns(parent));
    place(parent, nodes, olds ? olds[0] : at());
    if (olds) drop(map, olds);
  } else if (op < 10) q.spec ? n.setAttribute('data-on', q.spec) : n.removeAttribute('data-on'); // Listen
  else if (op < 18) n[op < 17 ? 'focus' : 'blur']?.(); // Focus, Blur
  else if (op < 19) n.scrollIntoView?.({ behavior: q.smooth ? 'smooth' : 'auto', block: 'nearest' });
  else if (op < 21) host.url?.(q.url, op > 19); // UrlPush, UrlReplace
  else if (op < 22) host.hookEvent?.(n, q.name, q.payload);
  else if (op < 25) n.classList[op < 23 ? 'add' : op < 24 ? 'remove' : 'toggle'](q.name); // Add/Remove/ToggleClass
  else if (op < 26) n.dispatchEvent(new CustomEvent(q.name, { detail: json(q.detail), bubbles: true })); // Dispatch
}
