import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batch,
  describe as describeNode,
  effect,
  memo,
  reaction,
  setReactiveErrorHandler,
  signal,
  type Reaction,
} from '../../../src/runtime/reactive/index.ts';

let reported: unknown[] = [];
beforeEach(() => {
  reported = [];
  setReactiveErrorHandler((e) => reported.push(e));
});
afterEach(() => {
  setReactiveErrorHandler(null);
});

describe('reaction', () => {
  it('track runs the function, returns its value and records what it read', () => {
    const a = signal(2);
    let stale = 0;
    const r = reaction(() => stale++);
    expect(r.track(() => a.get() * 3)).toBe(6);
    expect(describeNode(r).dependencies).toBe(1);
    expect(stale).toBe(0);
  });

  it('calls onStale once per track, however many changes follow', () => {
    const a = signal(0);
    const b = signal(0);
    let stale = 0;
    const r = reaction(() => stale++);
    r.track(() => a.get() + b.get());
    a.set(1);
    expect(stale).toBe(1);
    expect(r.stale).toBe(true);
    a.set(2);
    b.set(1);
    expect(stale).toBe(1);
    r.track(() => a.get() + b.get());
    expect(r.stale).toBe(false);
    b.set(2);
    expect(stale).toBe(2);
  });

  it('calls onStale at the end of a batch, once', () => {
    const a = signal(0);
    const log: string[] = [];
    const r = reaction(() => log.push('stale'));
    r.track(() => a.get());
    batch(() => {
      a.set(1);
      a.set(2);
      log.push('batch end');
    });
    expect(log).toEqual(['batch end', 'stale']);
  });

  it('replaces its dependencies on each track', () => {
    const a = signal(0);
    const b = signal(0);
    let stale = 0;
    const r = reaction(() => stale++);
    r.track(() => a.get());
    r.track(() => b.get());
    a.set(1);
    expect(stale).toBe(0);
    b.set(1);
    expect(stale).toBe(1);
  });

  it('is not called when a memo it read recomputes to the same value', () => {
    const n = signal(1);
    const positive = memo(() => n.get() > 0);
    let stale = 0;
    const r = reaction(() => stale++);
    r.track(() => positive.get());
    n.set(5);
    expect(stale).toBe(0);
    n.set(-1);
    expect(stale).toBe(1);
  });

  it('a write during track to something it read makes it stale after track returns', () => {
    const a = signal(0);
    const log: string[] = [];
    const r = reaction(() => log.push('stale'));
    r.track(() => {
      a.get();
      a.set(1);
      log.push('tracked');
    });
    expect(log).toEqual(['tracked', 'stale']);
  });

  it('effects created during track run when it returns', () => {
    const log: string[] = [];
    const r = reaction(() => {});
    r.track(() => {
      effect(() => {
        log.push('effect');
      });
      log.push('render');
    });
    expect(log).toEqual(['render', 'effect']);
  });

  it('onStale may re-track synchronously (re-render) without looping', () => {
    const a = signal(0);
    const renders: number[] = [];
    const box: { r?: Reaction } = {};
    const renderNow = () => box.r!.track(() => renders.push(a.get()));
    box.r = reaction(renderNow);
    renderNow();
    a.set(1);
    a.set(2);
    expect(renders).toEqual([0, 1, 2]);
  });

  it('after dispose it never calls onStale and track runs untracked', () => {
    const a = signal(0);
    let stale = 0;
    const r = reaction(() => stale++);
    r.track(() => a.get());
    r.dispose();
    expect(describeNode(a).subscribers).toBe(0);
    a.set(1);
    expect(stale).toBe(0);
    expect(r.track(() => a.get() + 1)).toBe(2);
    a.set(2);
    expect(stale).toBe(0);
    expect(r.disposed).toBe(true);
  });

  it('errors in onStale are reported and do not stop other work', () => {
    const a = signal(0);
    const r = reaction(
      () => {
        throw new Error('stale failed');
      },
      { name: 'Broken' },
    );
    r.track(() => a.get());
    const seen: number[] = [];
    effect(() => {
      seen.push(a.get());
    });
    a.set(1);
    expect(seen).toEqual([0, 1]);
    expect(reported).toHaveLength(1);
  });

  it('track rethrows errors from its function and keeps what was read before the throw', () => {
    const a = signal(0);
    let stale = 0;
    const r = reaction(() => stale++);
    expect(() =>
      r.track(() => {
        a.get();
        throw new Error('render failed');
      }),
    ).toThrow('render failed');
    a.set(1);
    expect(stale).toBe(1);
  });
});

describe('describe()', () => {
  it('reports kind, name, value, subscribers, dependencies and staleness', () => {
    const s = signal(3, { name: 'count' });
    const m = memo(() => s.get() * 2, { name: 'double' });
    expect(describeNode(m)).toMatchObject({ kind: 'memo', name: 'double', value: undefined, stale: true, dependencies: 0 });
    const e = effect(() => m.get(), { name: 'log' });
    expect(describeNode(s)).toEqual({ kind: 'signal', name: 'count', value: 3, subscribers: 1, dependencies: 0, stale: false, disposed: false });
    expect(describeNode(m)).toMatchObject({ kind: 'memo', value: 6, subscribers: 1, dependencies: 1, stale: false });
    expect(describeNode(e)).toMatchObject({ kind: 'effect', name: 'log', dependencies: 1, disposed: false });
    e.dispose();
    expect(describeNode(e).disposed).toBe(true);
    expect(describeNode(reaction(() => {})).kind).toBe('reaction');
    expect(() => describeNode({})).toThrow(TypeError);
  });
});
