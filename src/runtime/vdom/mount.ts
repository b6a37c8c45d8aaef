/**
 * Mounting (instantiating a fresh vnode tree: hids in pre-order, component instances, parent links)
 * and unmounting (disposing what a removed subtree owns).
 */
import { ComponentInstance } from './component.ts';
import type { ReconcileContext } from './context.ts';
import { needsHid } from './wire.ts';
import { componentNode, elementNode, fragmentNode, Kind, rawNode, textNode, type VElement, type VNode, type VParent } from './vnode.ts';

/** Whether a vnode object already sits in a mounted tree (then it must be cloned before reuse). */
export function isMounted(v: VNode): boolean {
  if (v.kind === Kind.Component) return v.instance !== undefined;
  if (v.kind === Kind.Fragment) return v.parent !== undefined;
  return v.hid !== undefined;
}

/** A fresh, unmounted copy of a vnode (deep for elements and fragments). */
export function cloneFresh(v: VNode): VNode {
  switch (v.kind) {
    case Kind.Element:
      return elementNode(v.tag, v.props, v.children.map(cloneFresh), v.key);
    case Kind.Text:
      return textNode(v.text);
    case Kind.Raw:
      return rawNode(v.html, v.key);
    case Kind.Fragment:
      return fragmentNode(v.children.map(cloneFresh), v.key);
    case Kind.Component:
      return componentNode(v.type, v.props, v.key);
  }
}

/**
 * Mount a vnode under `parent`: returns the mounted node (the same object, or a clone when the object
 * was already mounted elsewhere). Hids are assigned in document pre-order from `ctx.nextHid`.
 */
export function mount(v: VNode, parent: VParent | undefined, ctx: ReconcileContext): VNode {
  if (isMounted(v)) v = cloneFresh(v);
  v.parent = parent;
  switch (v.kind) {
    case Kind.Element: {
      v.hid = ctx.nextHid++;
      if (needsHid(v)) ctx.interactive.set(v.hid, v);
      const ch = v.children as VNode[];
      for (let i = 0; i < ch.length; i++) ch[i] = mount(ch[i]!, v, ctx);
      return v;
    }
    case Kind.Text:
    case Kind.Raw:
      v.hid = ctx.nextHid++;
      return v;
    case Kind.Fragment: {
      const ch = v.children as VNode[];
      for (let i = 0; i < ch.length; i++) ch[i] = mount(ch[i]!, v, ctx);
      return v;
    }
    case Kind.Component: {
      const p = ctx.prepared;
      if (p !== undefined && p.matches(v)) {
        ctx.prepared = undefined;
        return p.adopt(v, parent, ctx);
      }
      const inst = new ComponentInstance(v, ctx, enclosingInstance(parent));
      v.instance = inst;
      let out: VNode;
      if (ctx.updating) {
        try {
          out = inst.render();
        } catch (err) {
          ctx.renderError(err, inst);
          out = fragmentNode([], undefined);
        }
      } else out = inst.render();
      inst.out = mount(out, v, ctx);
      return v;
    }
  }
}

/** The nearest component instance above a parent link (mounts happen outside that component's render). */
export function enclosingInstance(p: VParent | undefined): ComponentInstance | undefined {
  while (p !== undefined) {
    if (p.kind === Kind.Component) return p.instance as ComponentInstance | undefined;
    p = p.parent;
  }
  return undefined;
}

/** Dispose everything a mounted subtree owns. The DOM removal is the caller's patch. */
export function unmount(v: VNode, ctx: ReconcileContext): void {
  switch (v.kind) {
    case Kind.Element:
      if (ctx.interactive.get(v.hid!) === v) ctx.interactive.delete(v.hid!);
      for (const c of v.children) unmount(c, ctx);
      break;
    case Kind.Fragment:
      for (const c of v.children) unmount(c, ctx);
      break;
    case Kind.Component: {
      const inst = v.instance as ComponentInstance | undefined;
      if (inst) {
        unmount(inst.out, ctx);
        inst.dispose();
      }
      break;
    }
    default:
      break;
  }
}

/** Register or drop an element in the interactive map after its props changed. */
export function trackInteractive(el: VElement, ctx: ReconcileContext): void {
  if (needsHid(el)) ctx.interactive.set(el.hid!, el);
  else if (ctx.interactive.get(el.hid!) !== undefined) ctx.interactive.delete(el.hid!);
}
