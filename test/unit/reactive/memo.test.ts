import { afterEach, describe, expect, it } from 'vitest';
import {
  batch,
  describe as describeNode,
  effect,
  isMemo,
  memo,
  MemoCycleError,
  MemoWriteError,
  setReactiveErrorHandler,
  signal,
  untrack,
  type Memo,
} from '../../../src/runtime/reactive/index.ts';

afterEach(() => {
  setReactiveErrorHandler(null);
});

describe('memo laziness and caching', () => {
  it('does not compute until read, then caches', () => {
    const s = signal(2);
    let runs = 0;
    const m = memo(() => {
      runs++;
      return s.get() * 10;
    });
    expect(runs).toBe(0);
    expect(m.get()).toBe(20);
    expect(m.get()).toBe(20);
    expect(m.peek()).toBe(20);
    expect(m.value).toBe(20);
    expect(runs).toBe(1);
    s.set(3);
    expect(runs).toBe(1); // still lazy: nobody reads it
    expect(m.get()).toBe(30);
    expect(runs).toBe(2);
    s.set(3);
    expect(m.get()).toBe(30);
    expect(runs).toBe(2);
  });

  it('passes the previous value to its function', () => {
    const s = signal(1);
    const seen: Array<number | undefined> = [];
    const m = memo<number>((prev) => {
      seen.push(prev);
      return s.get() + (prev ?? 0);
    });
    m.get();
    s.set(5);
    m.get();
    expect(seen).toEqual([undefined, 1]);
    expect(m.get()).toBe(6);
  });

  it('does not recompute dependents when it recomputes to an equal value', () => {
    const s = signal(1);
    const parity = memo(() => s.get() % 2);
    let downstream = 0;
    const label = memo(() => {
      downstream++;
      return parity.get() === 0 ? 'even' : 'odd';
    });
    let effects = 0;
    effect(() => {
      label.get();
      effects++;
    });
    expect([downstream, effects]).toEqual([1, 1]);
    s.set(3);
    expect([downstream, effects]).toEqual([1, 1]);
    s.set(4);
    expect([downstream, effects]).toEqual([2, 2]);
    expect(label.get()).toBe('even');
  });

  it('honours a custom equals', () => {
    const s = signal(1.2);
    const rounded = memo(() => ({ v: Math.round(s.get()) }), { equals: (a, b) => a.v === b.v });
    const seen: number[] = [];
    effect(() => {
      seen.push(rounded.get().v);
    });
    s.set(1.4);
    s.set(2.2);
    expect(seen).toEqual([1, 2]);
  });

  it('equals: false propagates every recomputation', () => {
    const s = signal(1);
    const m = memo(() => s.get() >= 0, { equals: false });
    let runs = 0;
    effect(() => {
      m.get();
      runs++;
    });
    s.set(2);
    expect(runs).toBe(2);
  });

  it('isMemo and name', () => {
    const m = memo(() => 1, { name: 'total' });
    expect(isMemo(m)).toBe(true);
    expect(isMemo(signal(1))).toBe(false);
    expect(m.name).toBe('total');
  });
});

describe('glitch freedom', () => {
  it('diamond: the join recomputes once per change and effects never see a mixed state', () => {
    const s = signal(1);
    const a = memo(() => s.get() + 1);
    const b = memo(() => s.get() * 2);
    let joins = 0;
    const c = memo(() => {
      joins++;
      return a.get() + b.get();
    });
    const seen: Array<[number, number, number]> = [];
    effect(() => {
      seen.push([s.get(), a.get(), c.get()]);
    });
    expect(joins).toBe(1);
    s.set(2);
    expect(joins).toBe(2);
    s.set(10);
    expect(joins).toBe(3);
    for (const [sv, av, cv] of seen) {
      expect(av).toBe(sv + 1);
      expect(cv).toBe(sv + 1 + sv * 2);
    }
    expect(seen).toHaveLength(3);
  });

  it('wide diamond with a batched multi-write recomputes each node once', () => {
    const x = signal(1);
    const y = signal(1);
    const counts = new Array(6).fill(0);
    const mids = Array.from({ length: 5 }, (_, i) =>
      memo(() => {
        counts[i]++;
        return x.get() * i + y.get();
      }),
    );
    const sum = memo(() => {
      counts[5]++;
      return mids.reduce((t, m) => t + m.get(), 0);
    });
    let effects = 0;
    effect(() => {
      sum.get();
      effects++;
    });
    batch(() => {
      x.set(2);
      y.set(3);
      x.set(4);
    });
    expect(counts).toEqual([2, 2, 2, 2, 2, 2]);
    expect(effects).toBe(2);
    expect(sum.get()).toBe([0, 1, 2, 3, 4].reduce((t, i) => t + 4 * i + 3, 0));
  });

  it('a deep chain recomputes every link once and returns the right value', () => {
    const s = signal(0);
    let runs = 0;
    let node: Memo<number> = memo(() => {
      runs++;
      return s.get() + 1;
    });
    for (let i = 1; i < 2000; i++) {
      const prev = node;
      node = memo(() => {
        runs++;
        return prev.get() + 1;
      });
    }
    const last = node;
    const seen: number[] = [];
    effect(() => {
      seen.push(last.get());
    });
    expect(runs).toBe(2000);
    s.set(5);
    expect(runs).toBe(4000);
    expect(seen).toEqual([2000, 2005]);
  });

  it('an unchanged link cuts off the rest of a chain', () => {
    const s = signal(1);
    const clamp = memo(() => Math.min(s.get(), 10));
    let tail = 0;
    const plus = memo(() => {
      tail++;
      return clamp.get() + 1;
    });
    effect(() => plus.get());
    s.set(20);
    s.set(30);
    expect(tail).toBe(2);
  });
});

describe('dynamic dependencies', () => {
  it('a branch switch drops the old dependency', () => {
    const cond = signal(true);
    const a = signal('a');
    const b = signal('b');
    let runs = 0;
    const m = memo(() => {
      runs++;
      return cond.get() ? a.get() : b.get();
    });
    const seen: string[] = [];
    effect(() => {
      seen.push(m.get());
    });
    expect(describeNode(b).subscribers).toBe(0);
    cond.set(false);
    expect(seen).toEqual(['a', 'b']);
    expect(describeNode(a).subscribers).toBe(0);
    expect(describeNode(b).subscribers).toBe(1);
    const before = runs;
    a.set('A'); // no longer a dependency
    expect(runs).toBe(before);
    expect(seen).toEqual(['a', 'b']);
    b.set('B');
    expect(seen).toEqual(['a', 'b', 'B']);
  });

  it('keeps every dependency when the read order changes between computations', () => {
    const flip = signal(false);
    const a = signal('a');
    const b = signal('b');
    const m = memo(() => (flip.get() ? b.get() + a.get() : a.get() + b.get()));
    effect(() => m.get());
    expect(m.get()).toBe('ab');
    flip.set(true);
    expect(m.get()).toBe('ba');
    b.set('B');
    expect(m.get()).toBe('Ba');
    a.set('A');
    expect(m.get()).toBe('BA');
  });

  it('reading the same source several times links it once', () => {
    const s = signal(1);
    const t = signal(2);
    const m = memo(() => s.get() + t.get() + s.get() + s.get());
    effect(() => m.get());
    expect(describeNode(s).subscribers).toBe(1);
    expect(describeNode(m).dependencies).toBe(2);
    s.set(2);
    expect(m.get()).toBe(8);
    expect(describeNode(s).subscribers).toBe(1);
  });

  it('a memo that loses its last subscriber releases its sources and recomputes when read again', () => {
    const s = signal(1);
    let runs = 0;
    const m = memo(() => {
      runs++;
      return s.get() * 2;
    });
    const e = effect(() => m.get());
    expect(describeNode(s).subscribers).toBe(1);
    e.dispose();
    expect(describeNode(s).subscribers).toBe(0);
    s.set(4);
    expect(m.get()).toBe(8);
    expect(runs).toBe(2);
  });

  it('an unobserved memo is not registered with its sources but still caches exactly', () => {
    const s = signal(1);
    const t = signal(1);
    let runs = 0;
    const m = memo(() => {
      runs++;
      return s.get() + 1;
    });
    expect(m.get()).toBe(2);
    expect(describeNode(s).subscribers).toBe(0);
    t.set(2); // an unrelated write: m verifies its source, does not recompute
    expect(m.get()).toBe(2);
    expect(runs).toBe(1);
    const e = effect(() => m.get());
    expect(describeNode(s).subscribers).toBe(1);
    expect(runs).toBe(1);
    e.dispose();
    expect(describeNode(s).subscribers).toBe(0);
    expect(m.get()).toBe(2);
    expect(runs).toBe(1);
    s.set(5);
    expect(m.get()).toBe(6);
    expect(runs).toBe(2);
  });

  it('a memo dropped by a branch switch and picked up again does not recompute if nothing changed', () => {
    const cond = signal(true);
    const src = signal(3);
    let runs = 0;
    const shared = memo(() => {
      runs++;
      return src.get() * 2;
    });
    const a = memo(() => (cond.get() ? shared.get() : -1));
    const b = memo(() => (cond.get() ? -1 : shared.get()));
    const seen: Array<[number, number]> = [];
    effect(() => {
      seen.push([a.get(), b.get()]);
    });
    cond.set(false);
    cond.set(true);
    expect(seen).toEqual([
      [6, -1],
      [-1, 6],
      [6, -1],
    ]);
    expect(runs).toBe(1);
  });

  it('untrack inside a memo does not create a dependency', () => {
    const a = signal(1);
    const b = signal(10);
    let runs = 0;
    const m = memo(() => {
      runs++;
      return a.get() + untrack(() => b.get());
    });
    expect(m.get()).toBe(11);
    b.set(20);
    expect(m.get()).toBe(11);
    a.set(2);
    expect(m.get()).toBe(22);
    expect(runs).toBe(2);
  });
});

describe('memo errors', () => {
  it('rethrows the error of its computation until a dependency changes', () => {
    const s = signal(0);
    let runs = 0;
    const m = memo(() => {
      runs++;
      if (s.get() === 0) throw new Error('zero');
      return 100 / s.get();
    });
    expect(() => m.get()).toThrow('zero');
    expect(() => m.peek()).toThrow('zero');
    expect(runs).toBe(1);
    s.set(4);
    expect(m.get()).toBe(25);
    expect(describeNode(m).error).toBeUndefined();
  });

  it('a dependent of a failing memo fails too, and recovers with it', () => {
    const s = signal(1);
    const m = memo(() => {
      if (s.get() < 0) throw new RangeError('negative');
      return s.get();
    });
    const twice = memo(() => m.get() * 2);
    expect(twice.get()).toBe(2);
    s.set(-1);
    expect(() => twice.get()).toThrow(RangeError);
    s.set(3);
    expect(twice.get()).toBe(6);
  });

  it('writing a signal while a memo computes is an error naming both', () => {
    const target = signal(0, { name: 'target' });
    const src = signal(1);
    const bad = memo(
      () => {
        target.set(src.get());
        return 1;
      },
      { name: 'impure' },
    );
    expect(() => bad.get()).toThrow(MemoWriteError);
    expect(() => bad.get()).toThrow(/"target".*"impure".*pure/);
    expect(target.peek()).toBe(0);
  });

  it('detects a memo that reads itself', () => {
    const s = signal(1);
    const box: { m?: Memo<number> } = {};
    const m = memo(() => (s.get() > 0 ? box.m!.get() + 1 : 0), { name: 'selfish' });
    box.m = m;
    expect(() => m.get()).toThrow(MemoCycleError);
    expect(() => m.get()).toThrow(/selfish/);
    s.set(0);
    expect(m.get()).toBe(0);
  });

  it('a cycle that appears through a branch does not corrupt the graph', () => {
    const x = signal(1);
    const closeLoop = signal(false);
    const box: { s?: Memo<number> } = {};
    const d = memo(() => (closeLoop.get() ? box.s!.get() : 0), { name: 'd' });
    const s = memo(() => x.get() + d.get(), { name: 's' });
    box.s = s;
    const thrown: unknown[] = [];
    effect(() => {
      try {
        s.get();
      } catch (e) {
        thrown.push(e);
      }
    });
    for (let i = 0; i < 20; i++) {
      if (i % 3 === 0) closeLoop.set(!closeLoop.peek());
      x.set(i);
      try {
        d.get();
        s.get();
      } catch (e) {
        thrown.push(e);
      }
    }
    expect(thrown.every((e) => e instanceof MemoCycleError)).toBe(true);
    closeLoop.set(false);
    x.set(100);
    expect(s.get()).toBe(100);
    expect(d.get()).toBe(0);
  });

  it('a cycle closed while a dependency walk is inside it reports MemoCycleError, nothing worse', () => {
    const w = signal(0);
    const v = signal(0);
    const z = memo(() => w.get());
    const y = memo(() => v.get());
    const box: { s?: Memo<number> } = {};
    // d reads s only once z > 0; s reads d first, then y.
    const d = memo(() => (z.get() > 0 ? box.s!.get() : 0), { name: 'd' });
    const s = memo(() => d.get() + y.get(), { name: 's' });
    box.s = s;
    const thrown: unknown[] = [];
    effect(() => {
      try {
        s.get();
      } catch (e) {
        thrown.push(e);
      }
    });
    batch(() => {
      w.set(1);
      v.set(1);
    });
    expect(thrown.length).toBeGreaterThan(0);
    expect(thrown.every((e) => e instanceof MemoCycleError)).toBe(true);
    w.set(0);
    expect(s.get()).toBe(1);
  });

  it('disposed memos keep their last value and stop tracking', () => {
    const s = signal(1);
    const m = memo(() => s.get() + 1);
    expect(m.get()).toBe(2);
    m.dispose();
    expect(m.disposed).toBe(true);
    expect(describeNode(s).subscribers).toBe(0);
    s.set(5);
    expect(m.get()).toBe(2);
  });
});
