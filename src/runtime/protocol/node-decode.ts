/** Reads wire subtrees (client side). Layout: docs/protocol.md, "WireNode". Kinds are literals, as in patch-decode.ts. */
import type { WireNode } from '../vdom/patch.ts';
import { ErrorCode } from './codes.ts';
import { fail } from './errors.ts';
import { rCount, rStr, rU8 } from './reader.ts';
import type { Reader } from './reader.ts';

export function rNode(r: Reader, depth = 1): WireNode {
  if (depth > r.l.maxDepth) fail(ErrorCode.LimitExceeded, 'subtree deeper than ' + r.l.maxDepth);
  const kind = rU8(r);
  if (kind === 2 /* Kind.Text */) return { kind, text: rStr(r) };
  if (kind === 5 /* Kind.Raw */) return { kind, html: rStr(r) };
  if (kind !== 1 /* Kind.Element */) fail(ErrorCode.BadFrame, 'bad node kind ' + kind);
  const tag = rStr(r);
  const attrs: [string, string][] = [];
  for (let n = rCount(r); n > 0; n--) attrs.push([rStr(r), rStr(r)]);
  const children: WireNode[] = [];
  for (let n = rCount(r); n > 0; n--) children.push(rNode(r, depth + 1));
  return { kind, tag, attrs, children };
}
