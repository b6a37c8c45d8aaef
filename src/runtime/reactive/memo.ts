/**
 * Memos: lazy, cached derived values. A memo computes on first read, then only when a dependency
 * actually changed; recomputing to an equal value leaves its dependents untouched.
 */
import {
  adopt,
  disposeMemo,
  Flag,
  memoGet,
  memoPeek,
  resolveOwner,
  type Equals,
  type Link,
  type MemoState,
  type OwnedItem,
} from './graph.ts';
import { claimSlot, storeSlot, type Owner } from './owner.ts';

export interface MemoOptions<T> {
  /** When a recomputation counts as "unchanged" (default `Object.is`); `false` always propagates. */
  equals?: Equals<T> | false;
  /** Shown in error messages and devtools. */
  name?: string;
}

/**
 * A derived value. Reading it subscribes the running computation; if its function threw, reads
 * rethrow that error until a dependency changes. A memo nobody subscribes to is not registered with its
 * sources (so it can be garbage-collected with its readers); it verifies its dependencies when read
 * and still only recomputes when one changed. `dispose()` freezes it at its last value.
 */
export class Memo<T> implements MemoState {
  // Field order is memory layout: what propagation and dependency checks touch comes first.
  /** @internal */ declare _flags: number;
  /** @internal */ declare _subs: Link | undefined;
  /** @internal */ declare _deps: Link | undefined;
  /** @internal */ declare _version: number;
  /** @internal */ declare _depsTail: Link | undefined;
  /** @internal */ declare _subsTail: Link | undefined;
  /** @internal */ declare _fn: (prev: unknown) => unknown;
  /** @internal */ declare _value: unknown;
  /** @internal */ declare _opts: MemoOptions<T> | undefined;
  /** @internal */ declare _owned: OwnedItem[] | undefined;
  /** @internal */ declare _checkedAt: number;

  constructor(fn: (prev: T | undefined) => T, opts: MemoOptions<T> | undefined) {
    this._flags = Flag.MEMO | Flag.DIRTY | Flag.DETACHED | Flag.UNSET;
    this._subs = undefined;
    this._deps = undefined;
    this._version = 0;
    this._depsTail = undefined;
    this._subsTail = undefined;
    this._fn = fn as (prev: unknown) => unknown;
    this._value = undefined;
    this._opts = opts;
    this._owned = undefined;
    this._checkedAt = 0;
  }

  get name(): string | undefined {
    const o = this._opts;
    return o === undefined ? undefined : o.name;
  }

  /** Read (recomputing if needed) and subscribe the running computation. */
  declare get: () => T;
  /** Read (recomputing if needed) without subscribing. */
  declare peek: () => T;

  get value(): T {
    return this.get();
  }

  get disposed(): boolean {
    return (this._flags & Flag.DISPOSED) !== 0;
  }

  /** Stop tracking; later reads return the last value. */
  dispose(): void {
    disposeMemo(this);
  }
}

// The read paths live in graph.ts (see `memoGet`); they are installed as ordinary prototype methods.
(Memo.prototype as { get: unknown }).get = memoGet;
(Memo.prototype as { peek: unknown }).peek = memoPeek;

/**
 * Create a memo. `fn` receives the previous value. Inside a slotted component render the n-th call
 * returns the existing memo of that slot, with its function replaced by the new closure (no recompute).
 * `opts` is kept by reference.
 */
export function memo<T>(fn: (prev: T | undefined) => T, opts?: MemoOptions<T>): Memo<T> {
  const owner = resolveOwner();
  if (owner === undefined) return new Memo(fn, opts);
  if ((owner._flags & Flag.SLOTTING) !== 0) {
    const existing = claimSlot(owner as Owner, 'memo') as Memo<T> | undefined;
    if (existing !== undefined) {
      existing._fn = fn as (prev: unknown) => unknown;
      return existing;
    }
    const m = new Memo(fn, opts);
    storeSlot(owner as Owner, m);
    if (!adopt(owner, m)) m.dispose();
    return m;
  }
  const m = new Memo(fn, opts);
  if (!adopt(owner, m)) m.dispose();
  return m;
}

/** Whether `x` is a memo. */
export function isMemo(x: unknown): x is Memo<unknown> {
  return x instanceof Memo;
}
