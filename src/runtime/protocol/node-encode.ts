/** Writes wire subtrees (server side). Layout: docs/protocol.md, "WireNode". */
import type { WireNode } from '../vdom/patch.ts';
import { Kind } from '../vdom/vnode.ts';
import { S2C_LIMITS } from './limits.ts';
import { wStr, wU8, wVarint } from './writer.ts';
import type { Writer } from './writer.ts';

/** Writes `node` in pre-order. Refuses trees deeper than clients accept by default. */
export function wNode(w: Writer, node: WireNode, depth = 1): void {
  if (depth > S2C_LIMITS.maxDepth) throw new RangeError('wire subtree deeper than ' + S2C_LIMITS.maxDepth);
  wU8(w, node.kind);
  switch (node.kind) {
    case Kind.Element: {
      const { attrs, children } = node;
      wStr(w, node.tag);
      wVarint(w, attrs.length);
      for (let i = 0; i < attrs.length; i++) {
        wStr(w, attrs[i][0]);
        wStr(w, attrs[i][1]);
      }
      wVarint(w, children.length);
      for (let i = 0; i < children.length; i++) wNode(w, children[i], depth + 1);
      return;
    }
    case Kind.Text:
      wStr(w, node.text);
      return;
    case Kind.Raw:
      wStr(w, node.html);
      return;
  }
  throw new RangeError('unknown node kind: ' + (node as { kind: unknown }).kind);
}
