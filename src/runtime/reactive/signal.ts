/**
 * Signals: writable reactive values, with typed helpers for numbers, booleans, arrays and maps.
 *
 * One runtime class backs every signal so that the graph's hot paths stay monomorphic; the typed
 * helper surfaces (`NumberSignal`, `ArraySignal`, ...) are interfaces chosen by `signal()`'s return type.
 * Array/map helpers replace the value with a new array/map (so equality checks and memos see the
 * change) and do nothing at all (no allocation, no notification) when the operation changes nothing.
 */
import { slotOwner, trackRead, writeSignal, type Equals, type Link, type SignalState } from './graph.ts';
import { claimSlot, storeSlot, takeSeed, type Owner } from './owner.ts';

export type { Equals } from './graph.ts';

export interface SignalOptions<T> {
  /** When a write counts as "no change" (default `Object.is`); `false` notifies on every write. */
  equals?: Equals<T> | false;
  /** Shown in error messages and devtools. */
  name?: string;
}

/** A reactive value that can be read. */
export interface ReadonlySignal<T> {
  /** Read and subscribe the running computation. */
  get(): T;
  /** Read without subscribing. */
  peek(): T;
  /** Same as `get()`. */
  readonly value: T;
  readonly name: string | undefined;
}

/** A writable reactive value. */
export interface Signal<T> extends ReadonlySignal<T> {
  /** Write; dependents are notified unless the new value equals the old one. */
  set(value: T): void;
  /** Write `fn(current)`. */
  update(fn: (prev: T) => T): void;
  /** `get()` / `set()`. */
  value: T;
}

export interface NumberSignal extends Signal<number> {
  inc(n?: number): void;
  dec(n?: number): void;
}

export interface BooleanSignal extends Signal<boolean> {
  toggle(): void;
}

/** An array-valued signal; every helper writes a new array and is a no-op when nothing would change. */
export interface ArraySignal<T> extends Signal<T[]> {
  push(...items: T[]): void;
  /** Insert before index `i` (clamped to `0..length`). */
  insertAt(i: number, ...items: T[]): void;
  /** Remove the item at `i`; out of range is a no-op. */
  removeAt(i: number): void;
  /** Remove the first item that is `Object.is`-equal to `item`; returns whether one was removed. */
  remove(item: T): boolean;
  /** Remove every item matching `pred`; returns how many were removed. */
  removeWhere(pred: (item: T, index: number) => boolean): number;
  /** Replace the item at `i` (must be in range); no-op if it is the same value. */
  setAt(i: number, value: T): void;
  /** Empty the array; no-op if already empty. */
  clear(): void;
}

/** A map-valued signal; every helper writes a new map and is a no-op when nothing would change. */
export interface MapSignal<K, V> extends Signal<Map<K, V>> {
  /** Set a key; no-op if the key already holds an `Object.is`-equal value. */
  setKey(key: K, value: V): void;
  /** Delete a key; returns whether it was present (absent is a no-op). */
  deleteKey(key: K): boolean;
  /** Empty the map; no-op if already empty. */
  clear(): void;
}

/** The signal type `signal(initial)` returns for an initial value of type `T`. */
export type SignalFor<T> = [T] extends [number]
  ? NumberSignal
  : [T] extends [boolean]
    ? BooleanSignal
    : [T] extends [Array<infer E>]
      ? ArraySignal<E>
      : [T] extends [Map<infer K, infer V>]
        ? MapSignal<K, V>
        : Signal<T>;

/** The single runtime class behind all signal flavours. */
export class SignalNode<T> implements SignalState {
  /** @internal */ declare _flags: number;
  /** @internal */ declare _subs: Link | undefined;
  /** @internal */ declare _version: number;
  /** @internal */ declare _subsTail: Link | undefined;
  /** @internal */ declare _value: T;
  /** @internal */ declare _opts: SignalOptions<T> | undefined;

  constructor(value: T, opts: SignalOptions<T> | undefined) {
    this._flags = 0;
    this._subs = undefined;
    this._version = 0;
    this._subsTail = undefined;
    this._value = value;
    this._opts = opts;
  }

  get name(): string | undefined {
    const o = this._opts;
    return o === undefined ? undefined : o.name;
  }

  get(): T {
    trackRead(this);
    return this._value;
  }

  peek(): T {
    return this._value;
  }

  set(value: T): void {
    writeSignal(this, value);
  }

  update(fn: (prev: T) => T): void {
    writeSignal(this, fn(this._value));
  }

  get value(): T {
    trackRead(this);
    return this._value;
  }

  set value(value: T) {
    writeSignal(this, value);
  }

  // --- number

  inc(n = 1): void {
    writeSignal(this, (this._value as number) + n);
  }

  dec(n = 1): void {
    writeSignal(this, (this._value as number) - n);
  }

  // --- boolean

  toggle(): void {
    writeSignal(this, !this._value);
  }

  // --- array

  push(...items: unknown[]): void {
    if (items.length === 0) return;
    writeSignal(this, (this._value as unknown[]).concat(items));
  }

  insertAt(i: number, ...items: unknown[]): void {
    if (items.length === 0) return;
    const a = this._value as unknown[];
    const at = i < 0 ? 0 : i > a.length ? a.length : i;
    writeSignal(this, a.toSpliced(at, 0, ...items));
  }

  removeAt(i: number): void {
    const a = this._value as unknown[];
    if (!Number.isInteger(i) || i < 0 || i >= a.length) return;
    writeSignal(this, a.toSpliced(i, 1));
  }

  remove(item: unknown): boolean {
    const a = this._value as unknown[];
    for (let i = 0; i < a.length; i++) {
      if (Object.is(a[i], item)) {
        writeSignal(this, a.toSpliced(i, 1));
        return true;
      }
    }
    return false;
  }

  removeWhere(pred: (item: unknown, index: number) => boolean): number {
    const a = this._value as unknown[];
    let i = 0;
    while (i < a.length && !pred(a[i], i)) i++;
    if (i === a.length) return 0;
    const next = a.slice(0, i);
    for (let j = i + 1; j < a.length; j++) if (!pred(a[j], j)) next.push(a[j]);
    writeSignal(this, next);
    return a.length - next.length;
  }

  setAt(i: number, value: unknown): void {
    const a = this._value as unknown[];
    if (!(Number.isInteger(i) && i >= 0 && i < a.length)) {
      throw new RangeError(`setAt(${i}): index out of range for an array of length ${a.length}${this.name ? ` (signal "${this.name}")` : ''}`);
    }
    if (Object.is(a[i], value)) return;
    writeSignal(this, a.with(i, value));
  }

  clear(): void {
    const v = this._value as unknown;
    if (Array.isArray(v)) {
      if (v.length !== 0) writeSignal(this, []);
    } else if (v instanceof Map) {
      if (v.size !== 0) writeSignal(this, new Map());
    } else {
      throw new TypeError(`clear() needs an array or Map value${this.name ? ` (signal "${this.name}")` : ''}`);
    }
  }

  // --- map

  setKey(key: unknown, value: unknown): void {
    const m = this._value as Map<unknown, unknown>;
    if (m.has(key) && Object.is(m.get(key), value)) return;
    const next = new Map(m);
    next.set(key, value);
    writeSignal(this, next);
  }

  deleteKey(key: unknown): boolean {
    const m = this._value as Map<unknown, unknown>;
    if (!m.has(key)) return false;
    const next = new Map(m);
    next.delete(key);
    writeSignal(this, next);
    return true;
  }
}

/**
 * Create a signal. The return type follows the initial value: `signal(0)` is a {@link NumberSignal},
 * `signal(false)` a {@link BooleanSignal}, `signal([] as T[])` an {@link ArraySignal}, `signal(new Map())`
 * a {@link MapSignal}, anything else a plain {@link Signal}.
 *
 * Inside a slotted component render (see `Owner.beginSlots`) the n-th call returns the n-th slot's
 * existing signal and ignores `initial`.
 */
export function signal<T>(): Signal<T | undefined>;
export function signal<T>(initial: T, opts?: SignalOptions<T>): SignalFor<T>;
export function signal(initial?: unknown, opts?: SignalOptions<unknown>): unknown {
  const owner = slotOwner();
  if (owner !== undefined) return slotSignal(owner as Owner, initial, opts);
  return new SignalNode(initial, opts);
}

function slotSignal(owner: Owner, initial: unknown, opts: SignalOptions<unknown> | undefined): SignalNode<unknown> {
  const index = owner._cursor;
  const existing = claimSlot(owner, 'signal');
  if (existing !== undefined) return existing as SignalNode<unknown>;
  const value = takeSeed(owner, index, initial);
  const s = new SignalNode(value, opts);
  storeSlot(owner, s);
  return s;
}

/** A {@link NumberSignal} (default 0). */
export function numberSignal(initial = 0, opts?: SignalOptions<number>): NumberSignal {
  return signal(initial, opts);
}

/** A {@link BooleanSignal} (default false). */
export function booleanSignal(initial = false, opts?: SignalOptions<boolean>): BooleanSignal {
  return signal(initial, opts);
}

/** An {@link ArraySignal} (default empty). */
export function arraySignal<T>(initial: T[] = [], opts?: SignalOptions<T[]>): ArraySignal<T> {
  return signal(initial, opts) as unknown as ArraySignal<T>;
}

/** A {@link MapSignal} (default empty). */
export function mapSignal<K, V>(initial: Map<K, V> = new Map(), opts?: SignalOptions<Map<K, V>>): MapSignal<K, V> {
  return signal(initial, opts) as unknown as MapSignal<K, V>;
}

/** Whether `x` is a signal created by {@link signal}. */
export function isSignal(x: unknown): x is Signal<unknown> {
  return x instanceof SignalNode;
}
