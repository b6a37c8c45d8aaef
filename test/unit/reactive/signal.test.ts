import { describe, expect, it } from 'vitest';
import {
  arraySignal,
  booleanSignal,
  effect,
  isSignal,
  mapSignal,
  memo,
  numberSignal,
  signal,
  type ArraySignal,
  type BooleanSignal,
  type MapSignal,
  type NumberSignal,
  type Signal,
} from '../../../src/runtime/reactive/index.ts';

/** Runs an effect that records every value it sees of `read()`. */
function watch<T>(read: () => T): T[] {
  const seen: T[] = [];
  effect(() => {
    seen.push(read());
  });
  return seen;
}

describe('signal basics', () => {
  it('reads, writes, peeks and updates', () => {
    const s = signal('a');
    expect(s.get()).toBe('a');
    expect(s.peek()).toBe('a');
    expect(s.value).toBe('a');
    s.set('b');
    expect(s.get()).toBe('b');
    s.value = 'c';
    expect(s.peek()).toBe('c');
    s.update((v) => v + '!');
    expect(s.get()).toBe('c!');
  });

  it('signal() without an argument holds undefined', () => {
    const s = signal<number>();
    expect(s.get()).toBeUndefined();
    s.set(3);
    expect(s.get()).toBe(3);
  });

  it('notifies dependents on change and not on an Object.is-equal write', () => {
    const s = signal(1);
    const seen = watch(() => s.get());
    s.set(1);
    expect(seen).toEqual([1]);
    s.set(2);
    expect(seen).toEqual([1, 2]);
    const n = signal(NaN);
    const seenN = watch(() => n.get());
    n.set(NaN);
    expect(seenN).toHaveLength(1);
    const z = signal(0);
    const seenZ = watch(() => z.get());
    z.set(-0);
    expect(seenZ).toEqual([0, -0]);
  });

  it('value getter tracks, peek does not', () => {
    const s = signal(1);
    const viaValue = watch(() => s.value);
    const viaPeek = watch(() => s.peek());
    s.set(2);
    expect(viaValue).toEqual([1, 2]);
    expect(viaPeek).toEqual([1]);
  });

  it('supports a custom equals and equals: false', () => {
    const s = signal({ id: 1, label: 'x' }, { equals: (a, b) => a.id === b.id });
    const seen = watch(() => s.get().label);
    s.set({ id: 1, label: 'y' });
    expect(seen).toEqual(['x']);
    expect(s.peek().label).toBe('x');
    s.set({ id: 2, label: 'z' });
    expect(seen).toEqual(['x', 'z']);

    const always = signal(5, { equals: false });
    const seenA = watch(() => always.get());
    always.set(5);
    always.set(5);
    expect(seenA).toEqual([5, 5, 5]);
  });

  it('keeps the name option and exposes isSignal', () => {
    const s = signal(0, { name: 'count' });
    expect(s.name).toBe('count');
    expect(signal(0).name).toBeUndefined();
    expect(isSignal(s)).toBe(true);
    expect(isSignal(memo(() => 1))).toBe(false);
    expect(isSignal({ get() {} })).toBe(false);
  });
});

describe('typed helpers', () => {
  it('number signals inc/dec', () => {
    const n: NumberSignal = signal(0);
    const seen = watch(() => n.get());
    n.inc();
    n.inc(5);
    n.dec();
    n.dec(2);
    expect(seen).toEqual([0, 1, 6, 5, 3]);
    n.inc(0);
    expect(seen).toHaveLength(5);
    expect(numberSignal().get()).toBe(0);
  });

  it('boolean signals toggle', () => {
    const b: BooleanSignal = signal(false);
    const seen = watch(() => b.get());
    b.toggle();
    b.toggle();
    expect(seen).toEqual([false, true, false]);
    expect(booleanSignal(true).get()).toBe(true);
  });

  it('array helpers produce a new array when something changes', () => {
    const a: ArraySignal<number> = signal([] as number[]);
    const seen = watch(() => a.get());
    const v0 = a.peek();
    a.push(1, 2, 3);
    const v1 = a.peek();
    expect(v1).toEqual([1, 2, 3]);
    expect(v1).not.toBe(v0);
    expect(v0).toEqual([]);
    a.insertAt(1, 9, 8);
    expect(a.peek()).toEqual([1, 9, 8, 2, 3]);
    a.insertAt(-5, 0);
    a.insertAt(99, 4);
    expect(a.peek()).toEqual([0, 1, 9, 8, 2, 3, 4]);
    a.removeAt(0);
    expect(a.peek()).toEqual([1, 9, 8, 2, 3, 4]);
    expect(a.remove(9)).toBe(true);
    expect(a.peek()).toEqual([1, 8, 2, 3, 4]);
    expect(a.removeWhere((x) => x % 2 === 0)).toBe(3);
    expect(a.peek()).toEqual([1, 3]);
    a.setAt(1, 7);
    expect(a.peek()).toEqual([1, 7]);
    a.clear();
    expect(a.peek()).toEqual([]);
    // initial + push + 2 insertAt + insertAt + removeAt + remove + removeWhere + setAt + clear
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('array helpers are no-ops (same identity, no notification) when nothing changes', () => {
    const initial = [1, 2, 3];
    const a = signal(initial);
    let runs = 0;
    effect(() => {
      a.get();
      runs++;
    });
    a.push();
    a.insertAt(0);
    a.removeAt(-1);
    a.removeAt(3);
    a.removeAt(1.5);
    expect(a.remove(42)).toBe(false);
    expect(a.removeWhere(() => false)).toBe(0);
    a.setAt(0, 1);
    expect(a.peek()).toBe(initial);
    expect(runs).toBe(1);
    const empty = signal([] as string[]);
    const before = empty.peek();
    empty.clear();
    expect(empty.peek()).toBe(before);
  });

  it('remove uses Object.is (finds NaN, removes only the first match)', () => {
    const a = arraySignal([NaN, 1, NaN]);
    expect(a.remove(NaN)).toBe(true);
    expect(a.peek()).toEqual([1, NaN]);
  });

  it('setAt rejects out-of-range indexes', () => {
    const a = arraySignal(['x'], { name: 'items' });
    expect(() => a.setAt(1, 'y')).toThrow(RangeError);
    expect(() => a.setAt(-1, 'y')).toThrow(/items/);
  });

  it('map helpers produce a new map when something changes and are no-ops otherwise', () => {
    const m: MapSignal<string, number> = signal(new Map<string, number>());
    let runs = 0;
    effect(() => {
      m.get();
      runs++;
    });
    const m0 = m.peek();
    m.setKey('a', 1);
    const m1 = m.peek();
    expect(m1).not.toBe(m0);
    expect(m0.size).toBe(0);
    expect(m1.get('a')).toBe(1);
    m.setKey('a', 1);
    expect(m.peek()).toBe(m1);
    expect(m.deleteKey('zzz')).toBe(false);
    expect(m.peek()).toBe(m1);
    m.setKey('b', 2);
    expect(m.deleteKey('a')).toBe(true);
    expect([...m.peek().entries()]).toEqual([['b', 2]]);
    m.clear();
    expect(m.peek().size).toBe(0);
    const cleared = m.peek();
    m.clear();
    expect(m.peek()).toBe(cleared);
    expect(runs).toBe(5);
    expect(mapSignal<string, number>().peek().size).toBe(0);
  });

  it('memos over a typed signal see each new value', () => {
    const a = signal([1, 2] as number[]);
    const total = memo(() => a.get().reduce((x, y) => x + y, 0));
    expect(total.get()).toBe(3);
    a.push(4);
    expect(total.get()).toBe(7);
    a.setAt(0, 10);
    expect(total.get()).toBe(16);
  });

  it('infers the helper surface from the initial value', () => {
    const n = signal(1);
    const b = signal(true);
    const arr = signal(['x']);
    const map = signal(new Map([[1, 'one']]));
    const plain = signal<number | null>(null);
    // Compile-time checks: these lines only type-check if the overloads picked the right surface.
    const checks: [NumberSignal, BooleanSignal, ArraySignal<string>, MapSignal<number, string>, Signal<number | null>] = [n, b, arr, map, plain];
    expect(checks).toHaveLength(5);
    n.inc();
    b.toggle();
    arr.push('y');
    map.setKey(2, 'two');
    expect([n.get(), b.get(), arr.get(), map.get().get(2)]).toEqual([2, false, ['x', 'y'], 'two']);
  });
});
