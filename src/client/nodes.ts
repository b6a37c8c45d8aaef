/**
 * The client's hid → DOM node map. Hids are numbered by walking the server-rendered DOM in pre-order,
 * exactly as the server numbered its tree: elements and text nodes take one id each; a raw HTML block
 * (between `<!--[-->` and `<!--]-->`) takes one id, held by its start marker, and is not entered;
 * a textarea's content is its value, not nodes, so it is not entered either.
 */

/** hid stored on each numbered node. */
export type HNode = Node & { $h?: number };

export const RAW_START = '[';
export const RAW_END = ']';

export class NodeMap {
  // `declare` fields and constructor assignments: no class-field helpers in the es2020 client bundle.
  private declare readonly m: Map<number, HNode>;
  declare readonly root: Element;

  constructor(root: Element) {
    this.root = root;
    this.m = new Map();
  }

  get(hid: number): HNode | undefined {
    return hid === 0 ? this.root : this.m.get(hid);
  }

  set(hid: number, node: HNode): void {
    node.$h = hid;
    this.m.set(hid, node);
  }

  /** Forget a node and everything numbered inside it. */
  forget(node: HNode): void {
    if (node.$h !== undefined) this.m.delete(node.$h);
    for (let c = node.firstChild as HNode | null; c; c = c.nextSibling as HNode | null) this.forget(c);
  }

  /** Number the children of `parent` from `next`; returns the next free id. */
  walk(parent: Node, next: number): number {
    for (let c: Node | null = parent.firstChild; c; c = c.nextSibling) {
      const t = c.nodeType;
      if (t === 1 || t === 3 || (t === 8 && (c as Comment).data === RAW_START)) {
        this.set(next++, c);
        if (t === 1 && (c as Element).localName !== 'textarea') next = this.walk(c, next);
        // A raw block: skip to its end marker.
        if (t === 8) c = span(c).pop()!;
      }
    }
    return next;
  }
}

export function isRawEnd(n: Node): boolean {
  return n.nodeType === 8 && (n as Comment).data === RAW_END;
}

/** The nodes a numbered node occupies: itself, or a raw block's whole marker range. */
export function span(node: Node): Node[] {
  if (node.nodeType !== 8 || (node as Comment).data !== RAW_START) return [node];
  const out = [node];
  for (let c = node.nextSibling; c; c = c.nextSibling) {
    out.push(c);
    if (isRawEnd(c)) break;
  }
  return out;
}
