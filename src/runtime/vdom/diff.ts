/**
 * The diff: reconcile a mounted vnode with the next render's vnode, emitting patches into
 * `ctx.patches` and leaving the new tree mounted (hids, instances and parent links carried over).
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
import { diffProps } from './props.ts';
import { domNodes, firstDom, toWire } from './wire.ts';
import { Kind, type VNode, type VParent } from './vnode.ts';

/** Same identity for reconciliation: kind, key, and tag or component type. */
export function sameType(a: VNode, b: VNode): boolean {
  if (a.kind !== b.kind || a.key !== b.key) return false;
  if (a.kind === Kind.Element) return a.tag === (b as typeof a).tag;
  if (a.kind === Kind.Component) return a.type === (b as typeof a).type;
  return true;
}

/** Reconcile `old` (mounted) with `neu`; returns the node now mounted in its place. */
export function diff(old: VNode, neu: VNode, parent: VParent | undefined, parentHid: number, tail: number, ctx: ReconcileContext): VNode {
  if (old === neu) {
    old.parent = parent;
    return old;
  }
  if (isMounted(neu)) neu = cloneFresh(neu);
  if (!sameType(old, neu)) return replace(old, neu, parent, parentHid, tail, ctx);
  neu.parent = parent;
  switch (neu.kind) {
    case Kind.Text: {
      const hid = (neu.hid = old.hid!);
      if (neu.text !== (old as typeof neu).text) ctx.patches.push({ op: Op.SetText, hid, text: neu.text });
      return neu;
    }
    case Kind.Raw:
      if (neu.html !== (old as typeof neu).html) return replace(old, neu, parent, parentHid, tail, ctx);
      neu.hid = old.hid;
      return neu;
    case Kind.Element: {
      const o = old as typeof neu;
      const hid = (neu.hid = o.hid!);
      diffProps(o, neu, ctx);
      if (ctx.interactive.has(hid)) ctx.interactive.set(hid, neu);
      diffChildren(neu, o.children, neu.children as VNode[], hid, 0, ctx);
      return neu;
    }
    case Kind.Fragment:
      diffChildren(neu, (old as typeof neu).children, neu.children as VNode[], parentHid, tail, ctx);
      return neu;
    case Kind.Component: {
      const o = old as typeof neu;
      const inst = o.instance as ComponentInstance;
      neu.instance = inst;
      inst.vnode = neu;
      if (inst.dirty || !sameProps(o.props, neu.props)) rerender(inst, parentHid, tail, ctx);
      else inst.out.parent = neu;
      return neu;
    }
  }
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
  for (const hid of domNodes(old)) ctx.patches.push({ op: Op.Remove, hid });
  unmount(old, ctx);
}

/** Move a mounted node's DOM nodes before `before` (0 = append). */
export function move(node: VNode, parentHid: number, before: number, ctx: ReconcileContext): void {
  for (const hid of domNodes(node)) ctx.patches.push({ op: Op.Move, parent: parentHid, hid, before });
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
