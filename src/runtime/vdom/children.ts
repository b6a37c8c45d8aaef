/**
 * Children reconciliation: common prefix and suffix, then the middle by key (or by type for unkeyed
 * nodes), moving only the nodes outside a longest increasing subsequence.
 */
import type { ReconcileContext } from './context.ts';
import { diffSame, insertNew, move, remove, sameType } from './diff.ts';
import { lis } from './lis.ts';
import { firstDom } from './wire.ts';
import { Kind, type Key, type VNode, type VParent } from './vnode.ts';

/**
 * Reconcile `oldCh` (mounted) with `newCh`; `newCh` is updated in place to hold the mounted nodes.
 * `parent` is what they are linked to meanwhile (the old container: `update` in diff.ts relinks them
 * when the new one is mounted instead). `tail` is the DOM node after this list (0 = end of parent).
 */
export function diffChildren(parent: VParent, oldCh: readonly VNode[], newCh: VNode[], parentHid: number, tail: number, ctx: ReconcileContext): void {
  let i = 0;
  let e1 = oldCh.length - 1;
  let e2 = newCh.length - 1;
  let anchor = tail;
  if (e1 === e2) {
    // Same length (the usual re-render): the suffix is the pairs matching at the same index from the
    // end, so it is diffed as it is found, in one pass. When it covers the whole list there is no
    // prefix left to scan; otherwise the pass stopped at a mismatch and what follows is unchanged.
    while (e2 >= 0) {
      const o = oldCh[e2]!;
      const c = newCh[e2]!;
      if (!sameType(o, c)) break;
      const n = (newCh[e2] = diffSame(o, c, parent, parentHid, anchor, ctx));
      anchor = dom(n) || anchor;
      e2--;
    }
    if (e2 < 0) return;
    e1 = e2;
    while (i < e2 && sameType(oldCh[i]!, newCh[i]!)) i++;
  } else {
    while (i <= e1 && i <= e2 && sameType(oldCh[i]!, newCh[i]!)) i++;
    while (e1 >= i && e2 >= i && sameType(oldCh[e1]!, newCh[e2]!)) {
      e1--;
      e2--;
    }
    // Suffix, right to left: everything after a node is final when it is diffed.
    for (let k = newCh.length - 1, j = oldCh.length - 1; k > e2; k--, j--) {
      const n = (newCh[k] = diffSame(oldCh[j]!, newCh[k]!, parent, parentHid, anchor, ctx));
      anchor = dom(n) || anchor;
    }
  }
  if (i > e1) {
    for (let k = e2; k >= i; k--) {
      const n = (newCh[k] = insertNew(newCh[k]!, parent, parentHid, anchor, ctx));
      anchor = dom(n) || anchor;
    }
  } else if (i > e2) {
    for (let j = i; j <= e1; j++) remove(oldCh[j]!, ctx);
  } else {
    anchor = diffMiddle(parent, oldCh, newCh, i, e1, e2, parentHid, anchor, ctx);
  }
  for (let k = i - 1; k >= 0; k--) {
    const n = (newCh[k] = diffSame(oldCh[k]!, newCh[k]!, parent, parentHid, anchor, ctx));
    anchor = dom(n) || anchor;
  }
}

/** `firstDom` without the call for the nodes that are their own DOM node. */
function dom(n: VNode): number {
  return n.kind === Kind.Element || n.kind === Kind.Text ? n.hid! : firstDom(n);
}

function diffMiddle(parent: VParent, oldCh: readonly VNode[], newCh: VNode[], s: number, e1: number, e2: number, parentHid: number, tail: number, ctx: ReconcileContext): number {
  const count = e2 - s + 1;
  const newToOld = new Int32Array(count).fill(-1);
  let keyed: Map<Key, number> | undefined;
  for (let k = s; k <= e2; k++) {
    const key = newCh[k]!.key;
    if (key !== undefined) (keyed ??= new Map()).set(key, k);
  }
  let unkeyedFrom = s;
  for (let j = s; j <= e1; j++) {
    const o = oldCh[j]!;
    let k = -1;
    if (o.key !== undefined) {
      const hit = keyed?.get(o.key);
      if (hit !== undefined && newToOld[hit - s]! < 0 && sameType(o, newCh[hit]!)) k = hit;
    } else {
      for (let m = unkeyedFrom; m <= e2; m++) {
        const c = newCh[m]!;
        if (c.key === undefined && newToOld[m - s]! < 0 && sameType(o, c)) {
          k = m;
          if (m === unkeyedFrom) unkeyedFrom++;
          break;
        }
      }
    }
    if (k < 0) remove(o, ctx);
    else newToOld[k - s] = j;
  }
  const stay = lis(newToOld);
  let li = stay.length - 1;
  let anchor = tail;
  for (let k = e2; k >= s; k--) {
    const pos = k - s;
    const j = newToOld[pos]!;
    let n: VNode;
    if (j < 0) {
      n = insertNew(newCh[k]!, parent, parentHid, anchor, ctx);
    } else if (li >= 0 && stay[li] === pos) {
      li--;
      n = diffSame(oldCh[j]!, newCh[k]!, parent, parentHid, anchor, ctx);
    } else {
      // Move first, then diff: nodes the child grows land next to it, before the anchor.
      move(oldCh[j]!, parentHid, anchor, ctx);
      n = diffSame(oldCh[j]!, newCh[k]!, parent, parentHid, anchor, ctx);
    }
    newCh[k] = n;
    anchor = dom(n) || anchor;
  }
  return anchor;
}
