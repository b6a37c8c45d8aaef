import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batch,
  describe as describeNode,
  effect,
  getOwner,
  isEffect,
  MAX_EFFECT_RERUNS,
  memo,
  onCleanup,
  ReactiveLoopError,
  setReactiveErrorHandler,
  signal,
  untrack,
  type Effect,
  type ReactiveErrorContext,
} from '../../../src/runtime/reactive/index.ts';

let reported: Array<{ error: unknown; ctx: ReactiveErrorContext }> = [];

beforeEach(() => {
  reported = [];
  setReactiveErrorHandler((error, ctx) => reported.push({ error, ctx }));
});

afterEach(() => {
  setReactiveErrorHandler(null);
});

describe('effects', () => {
  it('run once immediately and again after each change', () => {
    const s = signal(1);
    const seen: number[] = [];
    const e = effect(() => {
      seen.push(s.get());
    });
    expect(seen).toEqual([1]);
    s.set(2);
    s.set(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(isEffect(e)).toBe(true);
  });

  it('stop after dispose() and drop their subscriptions', () => {
    const s = signal(1);
    const seen: number[] = [];
    const e = effect(() => {
      seen.push(s.get());
    });
    expect(describeNode(s).subscribers).toBe(1);
    e.dispose();
    e.dispose();
    expect(e.disposed).toBe(true);
    expect(describeNode(s).subscribers).toBe(0);
    s.set(2);
    expect(seen).toEqual([1]);
  });

  it('run the returned cleanup before each re-run and on dispose, then onCleanup callbacks newest first', () => {
    const s = signal(0);
    const log: string[] = [];
    const e = effect(() => {
      const v = s.get();
      log.push(`run ${v}`);
      onCleanup(() => log.push(`onCleanup A ${v}`));
      onCleanup(() => log.push(`onCleanup B ${v}`));
      return () => log.push(`cleanup ${v}`);
    });
    s.set(1);
    e.dispose();
    expect(log).toEqual([
      'run 0',
      'cleanup 0',
      'onCleanup B 0',
      'onCleanup A 0',
      'run 1',
      'cleanup 1',
      'onCleanup B 1',
      'onCleanup A 1',
    ]);
  });

  it('cleanups run untracked', () => {
    const a = signal(0);
    const b = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      a.get();
      return () => {
        b.get();
      };
    });
    a.set(1);
    expect(runs).toBe(2);
    b.set(1);
    expect(runs).toBe(2);
  });

  it('track dynamically: a dependency read only in a stale branch no longer triggers', () => {
    const show = signal(true);
    const text = signal('x');
    let runs = 0;
    effect(() => {
      runs++;
      if (show.get()) text.get();
    });
    show.set(false);
    expect(runs).toBe(2);
    text.set('y');
    expect(runs).toBe(2);
  });

  it('keep every dependency when the read order changes between runs', () => {
    const flip = signal(false);
    const a = signal(1);
    const b = signal(2);
    const seen: number[] = [];
    effect(() => {
      seen.push(flip.get() ? b.get() * 10 + a.get() : a.get() * 10 + b.get());
    });
    flip.set(true);
    b.set(3);
    a.set(4);
    expect(seen).toEqual([12, 21, 31, 34]);
    expect(describeNode(a).subscribers).toBe(1);
    expect(describeNode(b).subscribers).toBe(1);
  });

  it('writing a signal read only by its previous run does not re-trigger the running effect', () => {
    const mode = signal<'read' | 'write'>('read');
    const x = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      if (mode.get() === 'read') x.get();
      else x.set(x.peek() + 1);
    });
    mode.set('write');
    expect(runs).toBe(2);
    expect(x.peek()).toBe(1);
    expect(describeNode(x).subscribers).toBe(0);
  });

  it('are owners: effects created inside are disposed before the parent re-runs', () => {
    const outer = signal(0);
    const inner = signal(0);
    const log: string[] = [];
    effect(() => {
      const o = outer.get();
      effect(() => {
        log.push(`inner ${o}/${inner.get()}`);
        return () => log.push(`inner cleanup ${o}`);
      });
    });
    expect(log).toEqual(['inner 0/0']);
    inner.set(1);
    expect(log).toEqual(['inner 0/0', 'inner cleanup 0', 'inner 0/1']);
    outer.set(1);
    expect(log.slice(3)).toEqual(['inner cleanup 0', 'inner 1/1']);
    inner.set(2);
    // Only the current inner effect reacts.
    expect(log.slice(5)).toEqual(['inner cleanup 1', 'inner 1/2']);
  });

  it('getOwner() inside an effect is the effect', () => {
    let owner: unknown;
    const e = effect(() => {
      owner = getOwner();
    });
    expect(owner).toBe(e);
    expect(getOwner()).toBeUndefined();
  });

  it('may dispose itself while running', () => {
    const s = signal(0);
    const log: string[] = [];
    const box: { e?: Effect } = {};
    box.e = effect(() => {
      const v = s.get();
      log.push(`run ${v}`);
      if (v === 1) box.e!.dispose();
      return () => log.push(`cleanup ${v}`);
    });
    s.set(1);
    expect(log).toEqual(['run 0', 'cleanup 0', 'run 1', 'cleanup 1']);
    s.set(2);
    expect(log).toHaveLength(4);
    expect(describeNode(s).subscribers).toBe(0);
  });

  it('may dispose another queued effect, which then does not run', () => {
    const s = signal(0);
    const log: string[] = [];
    const box: { victim?: Effect } = {};
    effect(() => {
      if (s.get() === 1) box.victim!.dispose();
    });
    box.victim = effect(() => {
      log.push(`victim ${s.get()}`);
    });
    s.set(1);
    expect(log).toEqual(['victim 0']);
  });

  it('setting a signal inside an effect re-runs its readers after the effect', () => {
    const a = signal(1);
    const b = signal(0);
    const log: string[] = [];
    effect(() => {
      log.push(`b=${b.get()}`);
    });
    effect(() => {
      b.set(a.get() * 10);
      log.push(`wrote ${a.peek() * 10}`);
    });
    a.set(2);
    expect(log).toEqual(['b=0', 'wrote 10', 'b=10', 'wrote 20', 'b=20']);
  });

  it('an effect that writes what it read settles when the write converges', () => {
    const s = signal(0);
    let runs = 0;
    effect(() => {
      runs++;
      if (s.get() < 5) s.set(s.get() + 1);
    });
    expect(s.get()).toBe(5);
    expect(runs).toBe(6);
    expect(reported).toHaveLength(0);
  });

  it('memos read inside effects are consistent with the signals read', () => {
    const s = signal(1);
    const double = memo(() => s.get() * 2);
    const bad: number[] = [];
    effect(() => {
      if (double.get() !== s.get() * 2) bad.push(s.get());
    });
    effect(() => {
      // writes during the flush: the other effect must still see consistent values
      if (s.get() % 2 === 1) s.set(s.get() + 1);
    });
    s.set(3);
    s.set(7);
    expect(bad).toEqual([]);
    expect(s.get()).toBe(8);
  });
});

describe('batch', () => {
  it('defers effects to the end of the outermost batch and returns the value', () => {
    const a = signal(1);
    const b = signal(2);
    const seen: number[] = [];
    effect(() => {
      seen.push(a.get() + b.get());
    });
    const r = batch(() => {
      a.set(10);
      b.set(20);
      batch(() => {
        a.set(100);
      });
      expect(seen).toEqual([3]);
      return 'done';
    });
    expect(r).toBe('done');
    expect(seen).toEqual([3, 120]);
  });

  it('reads inside a batch see written values, memos included', () => {
    const a = signal(1);
    const m = memo(() => a.get() * 2);
    effect(() => m.get());
    batch(() => {
      a.set(5);
      expect(a.get()).toBe(5);
      expect(m.get()).toBe(10);
    });
  });

  it('an effect created inside a batch first runs at its end', () => {
    const log: string[] = [];
    batch(() => {
      effect(() => {
        log.push('effect');
      });
      log.push('batch body');
    });
    expect(log).toEqual(['batch body', 'effect']);
  });

  it('flushes even if the batch body throws', () => {
    const a = signal(0);
    const seen: number[] = [];
    effect(() => {
      seen.push(a.get());
    });
    expect(() =>
      batch(() => {
        a.set(1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(seen).toEqual([0, 1]);
  });

  it('writing the same value back inside a batch still leaves the graph consistent', () => {
    const a = signal(1);
    const seen: number[] = [];
    effect(() => {
      seen.push(a.get());
    });
    batch(() => {
      a.set(2);
      a.set(1);
    });
    expect(seen[seen.length - 1]).toBe(1);
  });
});

describe('untrack', () => {
  it('reads without subscribing and returns the value', () => {
    const a = signal(1);
    const b = signal(1);
    let runs = 0;
    effect(() => {
      runs++;
      a.get();
      expect(untrack(() => b.get() + 1)).toBe(b.peek() + 1);
    });
    b.set(2);
    expect(runs).toBe(1);
    a.set(2);
    expect(runs).toBe(2);
  });

  it('keeps the owner: effects created under untrack still belong to the running effect', () => {
    const trigger = signal(0);
    const log: string[] = [];
    effect(() => {
      const t = trigger.get();
      untrack(() => {
        effect(() => {
          log.push(`child ${t}`);
          return () => log.push(`child cleanup ${t}`);
        });
      });
    });
    trigger.set(1);
    expect(log).toEqual(['child 0', 'child cleanup 0', 'child 1']);
  });
});

describe('errors and loops', () => {
  it('reports an effect error through the handler without breaking other effects', () => {
    const s = signal(0);
    const seen: number[] = [];
    effect(
      () => {
        if (s.get() === 1) throw new Error('bad effect');
      },
      { name: 'fragile' },
    );
    effect(() => {
      seen.push(s.get());
    });
    s.set(1);
    s.set(2);
    expect(seen).toEqual([0, 1, 2]);
    expect(reported).toHaveLength(1);
    expect((reported[0]!.error as Error).message).toBe('bad effect');
    expect(reported[0]!.ctx).toEqual({ kind: 'effect', name: 'fragile' });
  });

  it('a failing effect keeps the dependencies it read before throwing and recovers', () => {
    const a = signal(0);
    const b = signal(0);
    const seen: string[] = [];
    effect(() => {
      const va = a.get();
      if (va === 1) throw new Error('oops');
      seen.push(`${va}/${b.get()}`);
    });
    a.set(1);
    a.set(2);
    b.set(5);
    expect(seen).toEqual(['0/0', '2/0', '2/5']);
  });

  it('reports cleanup errors and keeps going', () => {
    const s = signal(0);
    let runs = 0;
    effect(() => {
      s.get();
      runs++;
      return () => {
        throw new Error('cleanup failed');
      };
    });
    s.set(1);
    expect(runs).toBe(2);
    expect(reported.map((r) => r.ctx.kind)).toEqual(['cleanup']);
  });

  it('a throwing handler does not break the flush', () => {
    setReactiveErrorHandler(() => {
      throw new Error('handler broke');
    });
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const s = signal(0);
      const seen: number[] = [];
      effect(() => {
        if (s.get() > 0) throw new Error('x');
      });
      effect(() => {
        seen.push(s.get());
      });
      s.set(1);
      expect(seen).toEqual([0, 1]);
      expect(logged).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('the default handler is console.error', () => {
    setReactiveErrorHandler(null);
    const original = console.error;
    const logged: unknown[][] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      effect(
        () => {
          throw new Error('to console');
        },
        { name: 'noisy' },
      );
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
    expect(String(logged[0]![0])).toContain('effect "noisy"');
    expect((logged[0]![1] as Error).message).toBe('to console');
  });

  it('stops an effect that keeps re-triggering itself and reports a ReactiveLoopError naming it', () => {
    const count = signal(0, { name: 'count' });
    let runs = 0;
    effect(
      () => {
        runs++;
        count.set(count.get() + 1);
      },
      { name: 'increment forever' },
    );
    expect(runs).toBeLessThanOrEqual(MAX_EFFECT_RERUNS + 1);
    expect(runs).toBeGreaterThan(10);
    expect(reported).toHaveLength(1);
    const err = reported[0]!.error as ReactiveLoopError;
    expect(err).toBeInstanceOf(ReactiveLoopError);
    expect(reported[0]!.ctx.kind).toBe('loop');
    expect(err.effectName).toBe('increment forever');
    expect(err.sourceNames).toEqual(['count']);
    expect(err.message).toMatch(/"increment forever".*"count".*peek\(\)/s);
    // The graph is still usable: the effect reacts to the next outside write (and is stopped again).
    const before = runs;
    count.set(-1000);
    expect(runs).toBeGreaterThan(before);
    expect(reported).toHaveLength(2);
  });

  it('stops a loop that goes through two effects and a memo', () => {
    const a = signal(0, { name: 'a' });
    const b = signal(0, { name: 'b' });
    const aPlus = memo(() => a.get() + 1, { name: 'aPlus' });
    effect(() => b.set(aPlus.get()), { name: 'copy a to b' });
    effect(() => a.set(b.get()), { name: 'copy b to a' });
    expect(reported).toHaveLength(1);
    expect(reported[0]!.error).toBeInstanceOf(ReactiveLoopError);
    expect((reported[0]!.error as Error).message).toMatch(/copy . to ./);
  });

  it('names an unnamed effect by its function name', () => {
    const s = signal(0);
    effect(function bumpForever() {
      s.set(s.get() + 1);
    });
    expect((reported[0]!.error as ReactiveLoopError).effectName).toBe('bumpForever');
    expect((reported[0]!.error as ReactiveLoopError).sourceNames).toEqual(['unnamed signal']);
  });
});
