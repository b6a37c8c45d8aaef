/**
 * Effects: side effects that re-run after their dependencies change, at the end of the batch/flush.
 */
import {
  Flag,
  adopt,
  resolveOwner,
  disposeEffect,
  startEffect,
  type EffectState,
  type Link,
  type OwnedItem,
  type OwnerNode,
} from './graph.ts';
import { claimSlot, storeSlot, type Owner } from './owner.ts';

/**
 * An effect body. If it returns a function, that is its cleanup: run before the next run and on
 * disposal. Any other return value is ignored (so `effect(() => m.get())` is fine).
 */
export type EffectFn = () => unknown;

export interface EffectOptions {
  /** Shown in error messages (e.g. loop reports) and devtools. */
  name?: string;
}

/**
 * A running effect. `effect()` returns this handle (not a bare function): call `dispose()` to stop it.
 * An effect is also an owner: effects/memos/owners it creates and `onCleanup` callbacks it registers
 * are disposed before each re-run and when it is disposed.
 */
export class Effect implements EffectState {
  /** @internal */ declare _flags: number;
  /** @internal */ declare _deps: Link | undefined;
  /** @internal */ declare _depsTail: Link | undefined;
  /** @internal */ declare _fn: () => unknown;
  /** @internal */ declare _cleanup: (() => void) | undefined;
  /** @internal */ declare _loop: number;
  /** @internal */ declare _owned: OwnedItem[] | undefined;
  /** @internal */ declare _opts: EffectOptions | undefined;

  constructor(fn: EffectFn, opts: EffectOptions | undefined) {
    this._flags = Flag.EFFECT;
    this._deps = undefined;
    this._depsTail = undefined;
    this._fn = fn;
    this._cleanup = undefined;
    this._loop = 0;
    this._owned = undefined;
    this._opts = opts;
  }

  get name(): string | undefined {
    const o = this._opts;
    return o === undefined ? undefined : o.name;
  }

  get disposed(): boolean {
    return (this._flags & Flag.DISPOSED) !== 0;
  }

  /** Stop the effect: unsubscribe, dispose what it owns, run its cleanup. Safe to call from inside its own run. */
  dispose(): void {
    disposeEffect(this);
  }
}

/**
 * Run `fn` now (or at the end of the current batch, or right after the running effect) and again
 * after any signal/memo it read changes. Errors are reported through `setReactiveErrorHandler`.
 *
 * Inside a slotted component render the n-th call returns the existing effect of that slot; its
 * function is replaced by the new closure (used from its next run), it is not re-run by the render.
 */
export function effect(fn: EffectFn, opts?: EffectOptions): Effect {
  const owner = resolveOwner();
  if (owner !== undefined && (owner._flags & Flag.SLOTTING) !== 0) {
    const existing = claimSlot(owner as Owner, 'effect') as Effect | undefined;
    if (existing !== undefined) {
      existing._fn = fn;
      return existing;
    }
  }
  const created = new Effect(fn, opts);
  if (owner !== undefined) {
    if (!adopt(owner, created)) {
      created._flags |= Flag.DISPOSED;
      return created;
    }
    if ((owner._flags & Flag.SLOTTING) !== 0) storeSlot(owner as Owner, created);
  }
  startEffect(created);
  return created;
}

/** Whether `x` is an effect handle. */
export function isEffect(x: unknown): x is Effect {
  return x instanceof Effect;
}
