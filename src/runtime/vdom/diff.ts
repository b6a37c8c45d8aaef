/**
 * The diff: reconcile a mounted vnode with the next render's vnode, emitting patches into
 * `ctx.patches` and leaving the new tree mounted (hids, instances and parent links carried over). A
 * node the new render describes exactly as mounted (same text, same props, same mounted children) stays
 * mounted itself and the new copy is dropped: a re-render that changes little keeps the long-lived tree
 * and mounts only the path from the root to each change, so the fresh vnodes die young.
 *
 * `parentHid` is the DOM parent element (0 = the live root container); `tail` is the hid of the DOM node
 * that follows this vnode's DOM nodes in their parent (0 = none): new DOM nodes a fragment or component
 * grows are inserted before it. Siblings are processed right to left so `tail` is always final.
 */
import { diffChildren } from './children.ts';
import { sameProps, type ComponentInstance } from './component.ts';
import type { ReconcileContext } from './context.ts';
import { cloneFresh, isMounted, mount, unmount } from './mount.ts';
import { Op } from './patch.ts';
import { diffProps, PropsDiff } from './props.ts';
import { domNodes, firstDom, toWire } from './wire.ts';
import { Kind, type VNode, type VParent } from './vnode.ts';

/** Same identity for reconciliation: kind, key, and tag or component type. */
export function sameType(a: VNode, b: VNode): boolean {
  if (a.kind !== b.kind || a.key !== b.key) return false;
  if (a.kind === Kind.Element) return a.tag === (b as typeof a).tag;
  if (a.kind === Kind.Component) return a.type === (b as typeof a).type;
  return true;
}

/**
 * Reconcile `old` (mounted) with `neu`; returns the node now mounted in its place. That is `old` itself
 * when `neu` describes exactly what it holds (same props, same mounted children): an unchanged
 * subtree stays mounted as it was, and the freshly rendered copy is left to the garbage collector young.
 */
export function diff(old: VNode, neu: VNode, parent: VParent | undefined, parentHid: number, tail: number, ctx: ReconcileContext): VNode {
  if (old !== neu && !sameType(old, neu)) {
    if (isMounted(neu)) neu = cloneFresh(neu);
    return replace(old, neu, parent, parentHid, tail, ctx);
  }
  return diffSame(old, neu, parent, parentHid, tail, ctx);
}

/**
 * `diff` for a pair the caller has already found `sameType` (the children's prefix, suffix and keyed
 * matches), so the check is not made twice per node.
 */
export function diffSame(old: VNode, neu: VNode, parent: VParent | undefined, parentHid: number, tail: number, ctx: ReconcileContext): VNode {
  if (old === neu) return keep(old, parent);
  if (neu.kind === Kind.Text) {
    if (neu.text === (old as typeof neu).text) return keep(old, parent);
  } else if (neu.kind === Kind.Raw) {
    if (neu.html === (old as typeof neu).html) return keep(old, parent);
  }
  // A clone has the same kind, key, tag and type: still the same type.
  if (isMounted(neu)) neu = cloneFresh(neu);
  return update(old, neu, parent, parentHid, tail, ctx);
}

/** Keep a mounted node where it is, under `parent`. */
function keep(old: VNode, parent: VParent | undefined): VNode {
  // Unchanged subtrees are usually under their old parent: no write, no write barrier.
  if (old.parent !== parent) old.parent = parent;
  return old;
}

/** Whether two child lists hold the same nodes. */
function sameNodes(a: readonly VNode[], b: readonly VNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Diff `old` and `neu` (same type, `neu` not mounted, different content or a container). Children are
 * diffed under `old`, on the bet that it is kept; when `neu` is mounted instead they are moved under it.
 */
function update(old: VNode, neu: VNode, parent: VParent | undefined, parentHid: number, tail: number, ctx: ReconcileContext): VNode {
  switch (neu.kind) {
    case Kind.Text: {
      neu.parent = parent;
      const hid = (neu.hid = old.hid!);
      if (neu.text !== (old as typeof neu).text) ctx.patches.push({ op: Op.SetText, hid, text: neu.text });
      return neu;
    }
    case Kind.Raw:
      // Same html was kept by `diffSame`.
      return replace(old, neu, parent, parentHid, tail, ctx);
    case Kind.Element: {
      const o = old as typeof neu;
      if (o.parent !== parent) o.parent = parent;
      const hid = (neu.hid = o.hid!);
      const flags = diffProps(o, neu, ctx);
      const ch = neu.children as VNode[];
      const och = o.children;
      if (ch.length !== 0 || och.length !== 0) diffChildren(o, och, ch, hid, 0, ctx);
      if ((flags & PropsDiff.Changed) === 0 && sameNodes(ch, och)) return o;
      adoptChildren(neu, ch, parent);
      // Only an element whose props name an event or a hook can be in the interactive map.
      if ((flags & PropsDiff.Interactive) !== 0 && ctx.interactive.has(hid)) ctx.interactive.set(hid, neu);
      return neu;
    }
    case Kind.Fragment: {
      const o = old as typeof neu;
      if (o.parent !== parent) o.parent = parent;
      const ch = neu.children as VNode[];
      diffChildren(o, o.children, ch, parentHid, tail, ctx);
      if (sameNodes(ch, o.children)) return o;
      adoptChildren(neu, ch, parent);
      return neu;
    }
    case Kind.Component: {
      const o = old as typeof neu;
      const inst = o.instance as ComponentInstance;
      if (!inst.dirty && inst.vnode === o && sameProps(o.props, neu.props)) {
        if (inst.out.parent !== o) inst.out.parent = o;
        return keep(o, parent);
      }
      neu.parent = parent;
      neu.instance = inst;
      inst.vnode = neu;
      if (inst.dirty || !sameProps(o.props, neu.props)) rerender(inst, parentHid, tail, ctx);
      else inst.out.parent = neu;
      return neu;
    }
  }
}

/** Mount `neu` in place of the old container its (already diffed) children were diffed under. */
function adoptChildren(neu: VParent, ch: VNode[], parent: VParent | undefined): void {
  neu.parent = parent;
  for (let i = 0; i < ch.length; i++) ch[i]!.parent = neu;
}

/** Re-render a mounted instance in place. A render that throws keeps the previous output. */
export function rerender(inst: ComponentInstance, parentHid: number, tail: number, ctx: ReconcileContext): void {
  let next: VNode;
  try {
    next = inst.render();
  } catch (err) {
    ctx.renderError(err, inst);
    inst.out.parent = inst.vnode;
    return;
  }
  inst.out = diff(inst.out, next, inst.vnode, parentHid, tail, ctx);
}

/** Mount `neu` and put its DOM nodes before `before` (0 = append) under `parentHid`. */
export function insertNew(neu: VNode, parent: VParent | undefined, parentHid: number, before: number, ctx: ReconcileContext): VNode {
  const m = mount(neu, parent, ctx);
  for (const node of toWire(m)) {
    ctx.patches.push({ op: Op.Insert, parent: parentHid, before, first: 0, node });
  }
  fillFirst(m, ctx);
  return m;
}

/** Set `first` on the Insert ops just emitted for `m`, from the hids of its top-level DOM nodes. */
function fillFirst(m: VNode, ctx: ReconcileContext): void {
  const hids = domNodes(m);
  const p = ctx.patches;
  for (let i = 0; i < hids.length; i++) {
    const op = p[p.length - hids.length + i]!;
    if (op.op === Op.Insert) op.first = hids[i]!;
  }
}

/** Remove a mounted node's DOM nodes and dispose what it owns. */
export function remove(old: VNode, ctx: ReconcileContext): void {
  if (single(old)) ctx.patches.push({ op: Op.Remove, hid: old.hid! });
  else for (const hid of domNodes(old)) ctx.patches.push({ op: Op.Remove, hid });
  unmount(old, ctx);
}

/** Move a mounted node's DOM nodes before `before` (0 = append). */
export function move(node: VNode, parentHid: number, before: number, ctx: ReconcileContext): void {
  if (single(node)) ctx.patches.push({ op: Op.Move, parent: parentHid, hid: node.hid!, before });
  else for (const hid of domNodes(node)) ctx.patches.push({ op: Op.Move, parent: parentHid, hid, before });
}

function single(v: VNode): boolean {
  return v.kind === Kind.Element || v.kind === Kind.Text || v.kind === Kind.Raw;
}

function replace(old: VNode, neu: VNode, parent: VParent | undefined, parentHid: number, tail: number, ctx: ReconcileContext): VNode {
  if (single(old) && single(neu)) {
    const m = mount(neu, parent, ctx);
    ctx.patches.push({ op: Op.Replace, hid: old.hid!, first: m.hid!, node: toWire(m)[0]! });
    unmount(old, ctx);
    return m;
  }
  const before = firstDom(old) || tail;
  const m = insertNew(neu, parent, parentHid, before, ctx);
  remove(old, ctx);
  return m;
}
