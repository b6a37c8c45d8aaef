/**
 * The state a reconciliation pass works against; implemented by `Root`.
 */
import type { ComponentInstance, InstanceHost } from './component.ts';
import type { Patch } from './patch.ts';
import type { VElement } from './vnode.ts';

export interface ReconcileContext extends InstanceHost {
  /** Next hydration id to hand out (ids are never reused within a root). */
  nextHid: number;
  /** Where the diff appends its operations. */
  patches: Patch[];
  /** Elements that declare interaction, by hid: the only ids events may address. */
  readonly interactive: Map<number, VElement>;
  /** A component threw while rendering during an update: it keeps its previous output. */
  renderError(error: unknown, instance: ComponentInstance): void;
}
