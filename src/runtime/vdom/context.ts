/**
 * The state a reconciliation pass works against; implemented by `Root`.
 */
import type { ComponentInstance, InstanceHost } from './component.ts';
import type { Patch } from './patch.ts';
import type { VComponent, VElement, VNode, VParent } from './vnode.ts';

export interface ReconcileContext extends InstanceHost {
  /** Next hydration id to hand out (ids are never reused within a root). */
  nextHid: number;
  /** Where the diff appends its operations. */
  patches: Patch[];
  /** Elements that declare interaction, by hid: the only ids events may address. */
  readonly interactive: Map<number, VElement>;
  /** A component threw while rendering during an update: it keeps its previous output. */
  renderError(error: unknown, instance: ComponentInstance): void;
  /**
   * True while an update re-renders: a component mounted by it that throws is reported through
   * `renderError` and mounts empty, so one broken child cannot leave the tree half-diffed. False for
   * the first mount of a page, where the error must fail the request.
   */
  updating?: boolean;
  /** A component rendered ahead of time that the next mount of a matching vnode takes over (one use). */
  prepared?: Adoptable | undefined;
}

/** A prerendered component (see prerender.ts) that mounting may adopt instead of rendering it again. */
export interface Adoptable {
  /** Whether mounting `v` would render the same thing (same component type and key). */
  matches(v: VComponent): boolean;
  /** Put the prerendered instance behind `v` (already linked to `parent`) into `ctx`; returns `v`. */
  adopt(v: VComponent, parent: VParent | undefined, ctx: ReconcileContext): VNode;
}
