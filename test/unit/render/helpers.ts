/**
 * Test-only helpers for the renderer tests: a tiny mount (hids in pre-order, component outputs), the
 * client's DOM numbering walk over a parse5 tree, and stream collection.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { normalizeOutput } from '../../../src/runtime/vdom/h.ts';
import { Kind, type Child, type VNode, type VParent } from '../../../src/runtime/vdom/vnode.ts';
import { VOID_ELEMENTS } from '../../../src/runtime/render/index.ts';

export type P5Node = DefaultTreeAdapterMap['childNode'];
export type P5Element = DefaultTreeAdapterMap['element'];
export type P5Parent = DefaultTreeAdapterMap['parentNode'];

/**
 * Mount a fresh tree the way the renderer's contract says the reconciler does: elements, texts and raw
 * blocks take one hid each in pre-order from `first`; children of void elements and of textareas are
 * not DOM nodes the client numbers, so they take none; components get `instance.out`.
 */
export function testMount(child: Child, first = 1): VNode {
  const root = normalizeOutput(child);
  let next = first;
  const visit = (v: VNode, parent: VParent | undefined): void => {
    v.parent = parent;
    switch (v.kind) {
      case Kind.Element:
        v.hid = next++;
        if (VOID_ELEMENTS.has(v.tag.toLowerCase()) || v.tag.toLowerCase() === 'textarea') return;
        for (const c of v.children) visit(c, v);
        return;
      case Kind.Text:
      case Kind.Raw:
        v.hid = next++;
        return;
      case Kind.Fragment:
        for (const c of v.children) visit(c, v);
        return;
      case Kind.Component: {
        const out = normalizeOutput(v.type(v.props));
        v.instance = { out };
        visit(out, v);
        return;
      }
    }
  };
  visit(root, undefined);
  return root;
}

/** The DOM nodes a mounted vnode stands for, in document order, with their hids. */
export function mountedDomNodes(v: VNode, out: VNode[] = []): VNode[] {
  switch (v.kind) {
    case Kind.Fragment:
      for (const c of v.children) mountedDomNodes(c, out);
      return out;
    case Kind.Component:
      return mountedDomNodes(v.instance!.out, out);
    default:
      out.push(v);
      return out;
  }
}

/** parse5 fragment of an HTML string (body context). */
export function parse(html: string): DefaultTreeAdapterMap['documentFragment'] {
  return parseFragment(html);
}

export function isElement(n: P5Node): n is P5Element {
  return 'tagName' in n;
}

export function isText(n: P5Node): n is DefaultTreeAdapterMap['textNode'] {
  return n.nodeName === '#text';
}

export function isComment(n: P5Node): n is DefaultTreeAdapterMap['commentNode'] {
  return n.nodeName === '#comment';
}

/**
 * The client's numbering walk (client/nodes.ts), over a parse5 tree: elements and texts take one id;
 * a `<!--[-->` marker takes one and the raw block up to `<!--]-->` is skipped; other comments are
 * skipped; textareas are not entered. Returns id → node.
 */
export function clientNumbering(parent: P5Parent, first = 1, map = new Map<number, P5Node>()): Map<number, P5Node> {
  let next = first;
  const walk = (p: P5Parent): void => {
    const kids = p.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      if (isElement(c)) {
        map.set(next++, c);
        if (c.tagName !== 'textarea') walk(c);
      } else if (isText(c)) {
        map.set(next++, c);
      } else if (isComment(c) && c.data === '[') {
        map.set(next++, c);
        while (i + 1 < kids.length && !(isComment(kids[i + 1]!) && (kids[i + 1] as { data: string }).data === ']')) i++;
        if (i + 1 < kids.length) i++;
      }
    }
  };
  walk(parent);
  return map;
}

/** Attributes of a parse5 element as a record. */
export function attrsOf(el: P5Element): Record<string, string> {
  const r: Record<string, string> = {};
  for (const a of el.attrs) r[a.name] = a.value;
  return r;
}

/** Every element in a parse5 tree (pre-order). */
export function allElements(p: P5Parent, out: P5Element[] = []): P5Element[] {
  for (const c of p.childNodes) {
    if (isElement(c)) {
      out.push(c);
      allElements(c, out);
      const content = (c as { content?: P5Parent }).content;
      if (content) allElements(content, out);
    }
  }
  return out;
}

/** Concatenated text of a parse5 subtree. */
export function textContent(p: P5Parent): string {
  let s = '';
  for (const c of p.childNodes) {
    if (isText(c)) s += c.value;
    else if (isElement(c)) s += textContent(c);
  }
  return s;
}

/** Read a byte stream to the end. */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<{ chunks: Uint8Array[]; text: string }> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    chunks.push(r.value);
  }
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return { chunks, text: new TextDecoder().decode(all) };
}

/** What the parser makes of a string we escaped: NUL cannot be represented, it becomes U+FFFD. */
export function parsed(s: string): string {
  return s.replaceAll('\0', '\uFFFD');
}
