/**
 * A mounted component: its props, its rendered output, and the owner that holds the signals, memos and
 * effects it creates. State lives in the owner's slots, matched by call order on every render (the
 * hooks rule: call `signal()`/`memo()`/`effect()` unconditionally, in the same order, at the top level of
 * the component). A reaction tracks what the render read; when any of it changes the instance is marked
 * dirty and re-rendered by its root's next flush.
 */
import { checkOutput, devChecks } from '../dev/checks.ts';
import { hotRegistry } from '../dev/hot.ts';
import { createOwner, reaction, runWithOwner, type Owner, type Reaction, type SlotKind } from '../reactive/index.ts';
import { normalizeOutput } from './h.ts';
import type { Component, ComponentInstanceLike, Props, VComponent, VNode } from './vnode.ts';

/** What an instance needs from the root that mounted it. */
export interface InstanceHost {
  markDirty(instance: ComponentInstance): void;
  /** The owner new top-level instances hang under. */
  readonly owner: Owner;
}

let current: ComponentInstance | undefined;

/** The instance whose render is running, if any (for context lookups and diagnostics). */
export function currentInstance(): ComponentInstance | undefined {
  return current;
}

export class ComponentInstance implements ComponentInstanceLike {
  out!: VNode;
  vnode: VComponent;
  readonly owner: Owner;
  /** Host, parent and depth change only when a prerendered instance is adopted (see prerender.ts). */
  host: InstanceHost;
  parent: ComponentInstance | undefined;
  /** Distance from the root: parents re-render before their children in a flush. */
  depth: number;
  readonly reaction: Reaction;
  dirty = false;
  alive = true;
  /** How many times it rendered (devtools and tests). */
  renders = 0;
  /** Per-instance values for features (context providers, refs); created on demand. */
  context: Map<unknown, unknown> | undefined;
  /** Set by a hot swap: the slot layout before it, compared with the next render's. */
  hot: SlotKind[] | undefined;

  constructor(vnode: VComponent, host: InstanceHost, parent: ComponentInstance | undefined) {
    this.vnode = vnode;
    this.host = host;
    this.parent = parent;
    this.depth = parent ? parent.depth + 1 : 0;
    this.owner = createOwner(parent ? parent.owner : host.owner, componentName(vnode.type));
    this.reaction = reaction(() => {
      if (this.alive && !this.dirty) {
        this.dirty = true;
        this.host.markDirty(this);
      }
    });
  }

  /** The component function's name, for messages and devtools. */
  get name(): string {
    return componentName(this.vnode.type);
  }

  /** Run the component function with this instance's state and return its normalized output. */
  render(): VNode {
    const type = this.vnode.type;
    const props = this.vnode.props;
    const prev = current;
    current = this;
    this.dirty = false;
    this.renders++;
    try {
      let out = this.run(type, props);
      const before = this.hot;
      if (before !== undefined) {
        this.hot = undefined;
        const after = this.owner.slotLayout();
        if (before.join() !== after.join()) {
          // The reused signals may now sit where other state belongs: start this component over.
          this.owner.hotReset(false);
          out = this.run(type, props);
          hotRegistry()?.reportReset(type, this.name, `its signal layout changed from [${before.join(', ')}] to [${after.join(', ')}]`);
        }
      }
      if (devChecks.on) checkOutput(out, this.name);
      return out;
    } finally {
      current = prev;
    }
  }

  private run(type: VComponent['type'], props: Props): VNode {
    this.owner.beginSlots();
    return normalizeOutput(this.reaction.track(() => runWithOwner(this.owner, () => type(props))));
  }

  /**
   * Hot reload: render with `type` (the new version of this component) from now on. Its memos and
   * effects are created afresh on the next render; its signals are kept when the new code creates the
   * same kinds in the same order, else the component starts over (reported through the host).
   */
  hotReplace(type: VComponent['type']): void {
    (this.vnode as { type: VComponent['type'] }).type = type;
    this.hot = this.owner.hotReset(true);
  }

  dispose(): void {
    if (!this.alive) return;
    this.alive = false;
    this.reaction.dispose();
    this.owner.dispose();
  }
}

export function componentName(type: Component): string {
  return type.name || 'Anonymous';
}

/** Shallow props equality: a component whose props did not change and that is not dirty keeps its output. */
export function sameProps(a: Props, b: Props): boolean {
  let n = 0;
  for (const k in a) {
    if (!Object.is(a[k], b[k])) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}
