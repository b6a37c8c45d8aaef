import { describe, expect, it } from 'vitest';
import {
  createOwner,
  effect,
  memo,
  reaction,
  runWithOwner,
  signal,
  SlotMismatchError,
  type Memo,
  type NumberSignal,
  type Owner,
} from '../../../src/runtime/reactive/index.ts';

/** Render a "component" the way the component layer does: begin slots, run under the owner. */
function render<T>(owner: Owner, fn: () => T): T {
  owner.beginSlots();
  return runWithOwner(owner, fn);
}

describe('slots', () => {
  it('return the same signal, memo and effect on every render, by call order', () => {
    const owner = createOwner(null, 'Counter');
    const effectRuns: number[] = [];
    let fnVersion = 0;
    const view = () => {
      const version = ++fnVersion;
      const count = signal(version * 100); // ignored after the first render
      const label = signal('x');
      const double = memo(() => count.get() * 2 + version * 0);
      const e = effect(() => {
        effectRuns.push(count.get());
      });
      return { count, label, double, e };
    };
    const first = render(owner, view);
    const second = render(owner, view);
    expect(second.count).toBe(first.count);
    expect(second.label).toBe(first.label);
    expect(second.double).toBe(first.double);
    expect(second.e).toBe(first.e);
    expect(second.count.get()).toBe(100);
    expect(effectRuns).toEqual([100]);
    first.count.set(5);
    expect(effectRuns).toEqual([100, 5]);
    expect(owner.slotLayout()).toEqual(['signal', 'signal', 'memo', 'effect']);
  });

  it('a memo slot keeps its identity and value but uses the latest closure from its next recompute', () => {
    const owner = createOwner();
    const s = signal(1);
    let factor = 10;
    let computes = 0;
    const view = () => {
      const f = factor;
      return memo(() => {
        computes++;
        return s.get() * f;
      });
    };
    const m1: Memo<number> = render(owner, view);
    expect(m1.get()).toBe(10);
    factor = 1000;
    const m2 = render(owner, view);
    expect(m2).toBe(m1);
    expect(m2.get()).toBe(10); // no forced recompute
    expect(computes).toBe(1);
    s.set(2);
    expect(m2.get()).toBe(2000);
  });

  it('an effect slot is created once and picks up the latest closure on its next run', () => {
    const owner = createOwner();
    const s = signal(0);
    const log: string[] = [];
    let tag = 'a';
    const view = () => {
      const t = tag;
      effect(() => {
        log.push(`${t}${s.get()}`);
      });
    };
    render(owner, view);
    tag = 'b';
    render(owner, view);
    expect(log).toEqual(['a0']);
    s.set(1);
    expect(log).toEqual(['a0', 'b1']);
  });

  it('a different hook kind at the same index throws a clear error', () => {
    const owner = createOwner(null, 'Toggle');
    let cond = true;
    const view = () => {
      if (cond) signal(0);
      memo(() => 1);
    };
    render(owner, view);
    cond = false;
    let err: unknown;
    try {
      render(owner, view);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SlotMismatchError);
    expect((err as Error).message).toMatch(/"Toggle".*slot #0.*signal\(\).*memo\(\)/s);
  });

  it('fewer or more hooks than the first render is an error', () => {
    const owner = createOwner(null, 'List');
    let n = 2;
    const view = () => {
      for (let i = 0; i < n; i++) signal(i);
    };
    render(owner, view);
    n = 1;
    expect(() => render(owner, view)).toThrow(/used 1 slot\(s\) but earlier renders used 2/);
    n = 3;
    expect(() => render(owner, view)).toThrow(SlotMismatchError);
    n = 2;
    expect(() => render(owner, view)).not.toThrow();
  });

  it('a render that throws before completing does not fix the layout', () => {
    const owner = createOwner();
    let fail = true;
    const view = () => {
      signal(1);
      if (fail) throw new Error('first render failed');
      signal(2);
    };
    expect(() => render(owner, view)).toThrow('first render failed');
    fail = false;
    expect(() => render(owner, view)).not.toThrow();
    expect(owner.slotLayout()).toEqual(['signal', 'signal']);
  });

  it('slot mode ends when the render returns: later calls under the owner create fresh nodes', () => {
    const owner = createOwner();
    const a = render(owner, () => signal(1));
    const later1 = runWithOwner(owner, () => signal(1));
    const later2 = runWithOwner(owner, () => signal(1));
    expect(later1).not.toBe(a);
    expect(later2).not.toBe(later1);
    expect(owner.slotList()).toHaveLength(1);
  });

  it('endSlots() ends a slotted render that did not go through runWithOwner', () => {
    const owner = createOwner();
    owner.beginSlots();
    const a = owner.run(() => signal(1));
    owner.endSlots();
    owner.beginSlots();
    const b = owner.run(() => signal(2));
    expect(b).toBe(a);
  });

  it('effects and memos run inside a render are not slotted themselves', () => {
    const owner = createOwner();
    const inner: unknown[] = [];
    const view = () => {
      const trigger = signal(0);
      effect(() => {
        trigger.get();
        inner.push(signal('fresh'));
      });
      return trigger;
    };
    const t = render(owner, view);
    render(owner, view);
    t.set(1);
    expect(inner).toHaveLength(2);
    expect(inner[0]).not.toBe(inner[1]);
    expect(owner.slotLayout()).toEqual(['signal', 'effect']);
  });

  it('slotList exposes kinds and nodes; slotValues/restoreSlots round-trip signal state', () => {
    const owner = createOwner();
    const view = () => {
      const count = signal(0) as NumberSignal;
      const double = memo(() => count.get() * 2);
      const name = signal('anon');
      return { count, double, name };
    };
    const c = render(owner, view);
    c.count.set(7);
    c.name.set('Ada');
    const list = owner.slotList();
    expect(list.map((s) => s.kind)).toEqual(['signal', 'memo', 'signal']);
    expect(list[0]!.node).toBe(c.count);
    expect(list.map((s) => s.index)).toEqual([0, 1, 2]);
    const saved = owner.slotValues();
    expect(saved).toEqual([7, undefined, 'Ada']);

    // Hot reload / resume: a fresh owner seeded with the saved values.
    const fresh = createOwner();
    fresh.restoreSlots(saved);
    const r = render(fresh, view);
    expect(r.count.get()).toBe(7);
    expect(r.name.get()).toBe('Ada');
    expect(r.double.get()).toBe(14);
    // Seeds are consumed once.
    const r2 = render(fresh, view);
    expect(r2.count).toBe(r.count);
  });

  it('restoreSlots writes existing signal slots and skips holes', () => {
    const owner = createOwner();
    const view = () => [signal(1), signal(2)] as const;
    const [a, b] = render(owner, view);
    const seen: number[] = [];
    effect(() => {
      seen.push(a.get());
    });
    const values: unknown[] = [];
    values[0] = 10;
    owner.restoreSlots(values);
    expect(a.get()).toBe(10);
    expect(b.get()).toBe(2);
    expect(seen).toEqual([1, 10]);
  });

  it('a component render under a reaction tracks its reads and keeps slot state (the component pattern)', () => {
    const owner = createOwner(null, 'App');
    let stale = 0;
    const r = reaction(() => stale++);
    const external = signal('x');
    let renders = 0;
    const view = () => {
      renders++;
      const local = signal(0);
      return `${external.get()}:${local.get()}`;
    };
    const doRender = () => {
      owner.beginSlots();
      return r.track(() => runWithOwner(owner, view));
    };
    expect(doRender()).toBe('x:0');
    (owner.slotList()[0]!.node as NumberSignal).inc();
    expect(stale).toBe(1);
    expect(doRender()).toBe('x:1');
    external.set('y');
    expect(stale).toBe(2);
    expect(doRender()).toBe('y:1');
    expect(renders).toBe(3);
  });
});
