/**
 * Children reconciliation: common prefix and suffix, then the middle by key (or by type for unkeyed
 * nodes), moving only the nodes outside a longest increasing subsequence.
 */
import type { ReconcileContext } from './context.ts';
import { diff, insertNew, move, remove, sameType } from './diff.ts';
import { lis } from './lis.ts';
import { firstDom } from './wire.ts';
import type { Key, VNode, VParent } from './vnode.ts';

/**
 * Reconcile `oldCh` (mounted) with `newCh`; `newCh` is updated in place to hold the mounted nodes.
 * `tail` is the DOM node after this list (0 = end of parent).
 */
export function diffChildren(parent: VParent, oldCh: readonly VNode[], newCh: VNode[], parentHid: number, tail: number, ctx: ReconcileContext): void {
  let i = 0;
  let e1 = oldCh.length - 1;
  let e2 = newCh.length - 1;
  while (i <= e1 && i <= e2 && sameType(oldCh[i]!, newCh[i]!)) i++;
  while (e1 >= i && e2 >= i && sameType(oldCh[e1]!, newCh[e2]!)) {
    e1--;
    e2--;
  }
  let anchor = tail;
  // Suffix, right to left: everything after a node is final when it is diffed.
  for (let k = newCh.length - 1, j = oldCh.length - 1; k > e2; k--, j--) {
    const n = (newCh[k] = diff(oldCh[j]!, newCh[k]!, parent, parentHid, anchor, ctx));
    anchor = firstDom(n) || anchor;
  }
  if (i > e1) {
    for (let k = e2; k >= i; k--) {
      const n = (newCh[k] = insertNew(newCh[k]!, parent, parentHid, anchor, ctx));
      anchor = firstDom(n) || anchor;
    }
  } else if (i > e2) {
    for (let j = i; j <= e1; j++) remove(oldCh[j]!, ctx);
  } else {
    anchor = diffMiddle(parent, oldCh, newCh, i, e1, e2, parentHid, anchor, ctx);
  }
  for (let k = i - 1; k >= 0; k--) {
    const n = (newCh[k] = diff(oldCh[k]!, newCh[k]!, parent, parentHid, anchor, ctx));
    anchor = firstDom(n) || anchor;
  }
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
      n = diff(oldCh[j]!, newCh[k]!, parent, parentHid, anchor, ctx);
    } else {
      // Move first, then diff: nodes the child grows land next to it, before the anchor.
      move(oldCh[j]!, parentHid, anchor, ctx);
      n = diff(oldCh[j]!, newCh[k]!, parent, parentHid, anchor, ctx);
    }
    newCh[k] = n;
    anchor = firstDom(n) || anchor;
  }
  return anchor;
}
