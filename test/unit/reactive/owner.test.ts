import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batch,
  createOwner,
  describe as describeNode,
  effect,
  getOwner,
  memo,
  onCleanup,
  Owner,
  reaction,
  runWithOwner,
  setReactiveErrorHandler,
  signal,
} from '../../../src/runtime/reactive/index.ts';

let reported: unknown[] = [];
beforeEach(() => {
  reported = [];
  setReactiveErrorHandler((e) => reported.push(e));
});
afterEach(() => {
  setReactiveErrorHandler(null);
});

describe('owners', () => {
  it('own what is created while they are current and dispose it', () => {
    const s = signal(0);
    const owner = createOwner();
    expect(owner).toBeInstanceOf(Owner);
    const seen: number[] = [];
    let memoRuns = 0;
    let staleCalls = 0;
    const r = runWithOwner(owner, () => {
      expect(getOwner()).toBe(owner);
      const m = memo(() => {
        memoRuns++;
        return s.get() * 2;
      });
      effect(() => {
        seen.push(m.get());
      });
      return reaction(() => staleCalls++);
    });
    r.track(() => s.get());
    expect(getOwner()).toBeUndefined();
    s.set(1);
    expect(seen).toEqual([0, 2]);
    expect(staleCalls).toBe(1);
    r.track(() => s.get());
    owner.dispose();
    expect(owner.disposed).toBe(true);
    expect(r.disposed).toBe(true);
    s.set(2);
    s.set(3);
    expect(seen).toEqual([0, 2]);
    expect(memoRuns).toBe(2);
    expect(staleCalls).toBe(1);
    expect(describeNode(s).subscribers).toBe(0);
  });

  it('run cleanups and child disposal newest first, exactly once', () => {
    const log: string[] = [];
    const owner = createOwner(null, 'root');
    owner.run(() => {
      onCleanup(() => log.push('cleanup 1'));
      effect(() => () => log.push('effect A'));
      const child = createOwner();
      child.run(() => onCleanup(() => log.push('child cleanup')));
      onCleanup(() => log.push('cleanup 2'));
      effect(() => () => log.push('effect B'));
    });
    owner.dispose();
    owner.dispose();
    expect(log).toEqual(['effect B', 'cleanup 2', 'child cleanup', 'effect A', 'cleanup 1']);
  });

  it('a child owner disposed on its own leaves the parent list, the parent still disposes the rest', () => {
    const parent = createOwner();
    const log: string[] = [];
    const children = Array.from({ length: 100 }, (_, i) => {
      const c = createOwner(parent);
      c.run(() => onCleanup(() => log.push(`c${i}`)));
      return c;
    });
    for (let i = 0; i < 99; i++) children[i]!.dispose();
    expect(log).toHaveLength(99);
    expect(children[99]!.parent).toBe(parent);
    expect(children[0]!.parent).toBeUndefined();
    parent.dispose();
    expect(log).toHaveLength(100);
    expect(log[99]).toBe('c99');
  });

  it('createOwner defaults its parent to the current owner; null makes a root', () => {
    const outer = createOwner();
    const [inner, root] = outer.run(() => [createOwner(), createOwner(null)]);
    expect(inner.parent).toBe(outer);
    expect(root.parent).toBeUndefined();
    outer.dispose();
    expect(inner.disposed).toBe(true);
    expect(root.disposed).toBe(false);
  });

  it('nothing created under a disposed owner runs; onCleanup runs at once', () => {
    const owner = createOwner();
    owner.dispose();
    let runs = 0;
    let cleaned = false;
    owner.run(() => {
      const e = effect(() => {
        runs++;
      });
      expect(e.disposed).toBe(true);
      onCleanup(() => {
        cleaned = true;
      });
      expect(createOwner().disposed).toBe(true);
    });
    expect(runs).toBe(0);
    expect(cleaned).toBe(true);
  });

  it('disposing an owner from inside one of its effects is safe', () => {
    const s = signal(0);
    const owner = createOwner();
    const log: string[] = [];
    owner.run(() => {
      effect(() => {
        if (s.get() === 1) owner.dispose();
        log.push(`a ${s.peek()}`);
      });
      effect(() => {
        log.push(`b ${s.get()}`);
      });
    });
    s.set(1);
    s.set(2);
    expect(log).toEqual(['a 0', 'b 0', 'a 1']);
    expect(describeNode(s).subscribers).toBe(0);
  });

  it('disposal runs inside a batch: cleanups that write signals trigger effects once', () => {
    const s = signal(0);
    const seen: number[] = [];
    effect(() => {
      seen.push(s.get());
    });
    const owner = createOwner();
    owner.run(() => {
      onCleanup(() => s.set(1));
      onCleanup(() => s.set(2));
    });
    owner.dispose();
    expect(seen).toEqual([0, 1]);
    expect(s.get()).toBe(1);
  });

  it('a signal shared by several owners survives the disposal of one of them', () => {
    const shared = signal(0);
    const a = createOwner();
    const b = createOwner();
    const seenA: number[] = [];
    const seenB: number[] = [];
    a.run(() => effect(() => seenA.push(shared.get())));
    b.run(() => effect(() => seenB.push(shared.get())));
    expect(describeNode(shared).subscribers).toBe(2);
    a.dispose();
    expect(describeNode(shared).subscribers).toBe(1);
    shared.set(1);
    expect(seenA).toEqual([0]);
    expect(seenB).toEqual([0, 1]);
  });

  it('memos are owners: what they create is disposed before they recompute', () => {
    const s = signal(0);
    const log: string[] = [];
    const m = memo(() => {
      const v = s.get();
      onCleanup(() => log.push(`cleanup ${v}`));
      return v;
    });
    effect(() => m.get());
    s.set(1);
    expect(log).toEqual(['cleanup 0']);
    m.dispose();
    expect(log).toEqual(['cleanup 0', 'cleanup 1']);
  });

  it('cleanup errors are reported and the remaining cleanups still run', () => {
    const owner = createOwner();
    const log: string[] = [];
    owner.run(() => {
      onCleanup(() => log.push('first'));
      onCleanup(() => {
        throw new Error('bad cleanup');
      });
    });
    owner.dispose();
    expect(log).toEqual(['first']);
    expect(reported).toHaveLength(1);
  });

  it('runWithOwner keeps the caller tracking (a render can run under an owner)', () => {
    const s = signal(0);
    const owner = createOwner();
    let stale = 0;
    const r = reaction(() => stale++);
    r.track(() => runWithOwner(owner, () => s.get()));
    s.set(1);
    expect(stale).toBe(1);
  });

  it('onCleanup without an owner is ignored', () => {
    expect(() => onCleanup(() => {})).not.toThrow();
  });

  it('batch inside disposal callbacks does not flush early', () => {
    const s = signal(0);
    const seen: number[] = [];
    effect(() => {
      seen.push(s.get());
    });
    const owner = createOwner();
    owner.run(() => onCleanup(() => batch(() => s.set(5))));
    owner.run(() => onCleanup(() => s.set(6)));
    owner.dispose();
    expect(seen).toEqual([0, 5]);
  });
});
