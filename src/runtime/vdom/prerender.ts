/**
 * Prerendering: mount a tree ahead of time in a detached root, with every effect it creates held back,
 * then hand one of its components (the page) over to a live root when a mount there asks for the same
 * component type and key. Until then nothing it did can be seen: no patches, no effects. Dropping it
 * disposes the detached tree, and its held effects never run.
 *
 * Adopting moves the component instance with its state and rendered output; the live root gives its
 * subtree fresh hids in the order a mount would have, so the client's DOM and the server's tree agree.
 */
import { holdEffects, reparentOwner, startHeld, type EffectState } from '../reactive/graph.ts';
import type { ComponentInstance } from './component.ts';
import type { Adoptable, ReconcileContext } from './context.ts';
import { enclosingInstance } from './mount.ts';
import { Root } from './root.ts';
import { needsHid } from './wire.ts';
import { Kind, type Child, type Component, type Key, type VComponent, type VNode, type VParent } from './vnode.ts';

export class Prerender implements Adoptable {
  private readonly root: Root;
  private readonly node: VComponent;
  private effects: EffectState[] | undefined;

  private constructor(root: Root, node: VComponent, effects: EffectState[]) {
    this.root = root;
    this.node = node;
    this.effects = effects;
  }

  /**
   * Mount `tree` detached and keep its component of type `type` with key `key` for adoption. Throws
   * what rendering threw, or when the tree holds no such component (the detached tree is disposed).
   */
  static render(tree: Child, type: Component, key: Key | undefined): Prerender {
    const root = new Root();
    try {
      const effects = holdEffects(() => root.mount(tree));
      const node = find(root.top!, type, key);
      if (!node) throw new Error(`prerender: the tree does not render <${type.name || 'Anonymous'}> with key ${String(key)}`);
      return new Prerender(root, node, effects);
    } catch (err) {
      root.dispose();
      throw err;
    }
  }

  /** How many times the prerendered component rendered (tests and devtools). */
  get renders(): number {
    return (this.node.instance as ComponentInstance | undefined)?.renders ?? 0;
  }

  /** Whether it is still waiting (neither adopted nor dropped). */
  get pending(): boolean {
    return this.effects !== undefined;
  }

  matches(v: VComponent): boolean {
    return this.effects !== undefined && v.type === this.node.type && v.key === this.node.key;
  }

  adopt(v: VComponent, parent: VParent | undefined, ctx: ReconcileContext): VNode {
    const inst = this.node.instance as ComponentInstance;
    const effects = this.effects!;
    this.effects = undefined;
    // The detached tree lets go of the instance before it is disposed.
    this.node.instance = undefined;
    v.instance = inst;
    inst.vnode = v;
    inst.out.parent = v;
    const up = enclosingInstance(parent);
    inst.parent = up;
    reparentOwner(inst.owner, up ? up.owner : ctx.owner);
    move(inst, ctx);
    this.root.dispose();
    startHeld(effects);
    return v;
  }

  /** Dispose the detached tree; its held effects never run. Idempotent; no-op once adopted. */
  drop(): void {
    if (this.effects === undefined) return;
    this.effects = undefined;
    this.root.dispose();
  }
}

/** Rehost an instance and its subtree in `ctx`, numbering its nodes as `mount` would. */
function move(inst: ComponentInstance, ctx: ReconcileContext): void {
  inst.host = ctx;
  inst.depth = inst.parent ? inst.parent.depth + 1 : 0;
  // Something it read changed while it waited: the live root re-renders it.
  if (inst.dirty) ctx.markDirty(inst);
  number(inst.out, ctx);
}

function number(v: VNode, ctx: ReconcileContext): void {
  switch (v.kind) {
    case Kind.Element:
      v.hid = ctx.nextHid++;
      if (needsHid(v)) ctx.interactive.set(v.hid, v);
      for (const c of v.children) number(c, ctx);
      return;
    case Kind.Fragment:
      for (const c of v.children) number(c, ctx);
      return;
    case Kind.Component:
      if (v.instance) move(v.instance as ComponentInstance, ctx);
      return;
    default:
      v.hid = ctx.nextHid++;
  }
}

function find(v: VNode, type: Component, key: Key | undefined): VComponent | undefined {
  if (v.kind === Kind.Component) {
    if (v.type === type && v.key === key) return v;
    const inst = v.instance as ComponentInstance | undefined;
    return inst ? find(inst.out, type, key) : undefined;
  }
  if (v.kind === Kind.Element || v.kind === Kind.Fragment) {
    for (const c of v.children) {
      const r = find(c, type, key);
      if (r) return r;
    }
  }
  return undefined;
}
