/**
 * Vango's reactive core: fine-grained, push-pull, glitch-free signals, memos and effects, with owners
 * (disposal scopes), component slots (hooks by call order) and reactions for the render layer.
 */
import { getOwner as getOwnerNode } from './graph.ts';
import type { ReactiveOwner } from './owner.ts';

export {
  signal,
  numberSignal,
  booleanSignal,
  arraySignal,
  mapSignal,
  isSignal,
  type Signal,
  type ReadonlySignal,
  type NumberSignal,
  type BooleanSignal,
  type ArraySignal,
  type MapSignal,
  type SignalFor,
  type SignalOptions,
  type Equals,
} from './signal.ts';
export { memo, isMemo, Memo, type MemoOptions } from './memo.ts';
export { effect, isEffect, Effect, type EffectFn, type EffectOptions } from './effect.ts';
export { reaction, Reaction, type ReactionOptions } from './reaction.ts';
export { Owner, createOwner, type ReactiveOwner, type SlotInfo, type SlotKind } from './owner.ts';
export { batch, untrack, runWithOwner, onCleanup, MAX_EFFECT_RERUNS } from './graph.ts';
export {
  setReactiveErrorHandler,
  ReactiveLoopError,
  MemoWriteError,
  MemoCycleError,
  SlotMismatchError,
  type ReactiveErrorHandler,
  type ReactiveErrorContext,
  type ReactiveErrorKind,
} from './errors.ts';
export { describe, type NodeDescription, type NodeKind } from './describe.ts';

/** The current owner: an `Owner`, or the effect/memo whose function is running. */
export function getOwner(): ReactiveOwner | undefined {
  return getOwnerNode() as ReactiveOwner | undefined;
}
