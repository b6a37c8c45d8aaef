import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  batch,
  createOwner,
  effect,
  memo,
  setReactiveErrorHandler,
  signal,
  type Memo,
  type Signal,
} from '../../../src/runtime/reactive/index.ts';

/**
 * Random DAGs of memos over random signals, driven by random write sequences. Node `k` of the graph
 * is either a signal (k < signals) or a memo whose formula only refers to lower-numbered nodes.
 * Some formulas branch (dynamic dependencies) and some clamp (equality cut-offs).
 */
type Formula =
  | { op: 'sum'; refs: number[] }
  | { op: 'branch'; test: number; then: number; else: number }
  | { op: 'clamp'; ref: number; max: number }
  | { op: 'parity'; ref: number }
  /** Same value either way, but the read order flips with `test` (exercises link reuse/reordering). */
  | { op: 'order'; test: number; x: number; y: number };

interface Spec {
  signals: number[];
  memos: Formula[];
  effects: number[][];
  steps: Array<{ batched: boolean; writes: Array<[number, number]> }>;
}

const formula = (below: number): fc.Arbitrary<Formula> => {
  const ref = fc.nat({ max: below - 1 });
  return fc.oneof(
    fc.record({ op: fc.constant('sum' as const), refs: fc.array(ref, { minLength: 1, maxLength: 4 }) }),
    fc.record({ op: fc.constant('branch' as const), test: ref, then: ref, else: ref }),
    fc.record({ op: fc.constant('clamp' as const), ref, max: fc.integer({ min: -3, max: 6 }) }),
    fc.record({ op: fc.constant('parity' as const), ref }),
    fc.record({ op: fc.constant('order' as const), test: ref, x: ref, y: ref }),
  );
};

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    signals: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 5 }),
    memoCount: fc.integer({ min: 1, max: 14 }),
  })
  .chain(({ signals, memoCount }) => {
    const memos = fc.tuple(...Array.from({ length: memoCount }, (_, i) => formula(signals.length + i)));
    const total = signals.length + memoCount;
    const effects = fc.array(fc.array(fc.nat({ max: total - 1 }), { minLength: 1, maxLength: 4 }), { maxLength: 4 });
    const write = fc.tuple(fc.nat({ max: signals.length - 1 }), fc.integer({ min: -5, max: 5 }));
    const steps = fc.array(fc.record({ batched: fc.boolean(), writes: fc.array(write, { minLength: 1, maxLength: 4 }) }), {
      minLength: 1,
      maxLength: 12,
    });
    return fc.record({ signals: fc.constant(signals), memos, effects, steps });
  });

/** From-scratch evaluation straight from the signals' current values (no caching, no graph). */
function evaluate(spec: Spec, values: number[], k: number): number {
  if (k < spec.signals.length) return values[k]!;
  const f = spec.memos[k - spec.signals.length]!;
  const at = (r: number) => evaluate(spec, values, r);
  switch (f.op) {
    case 'sum':
      return f.refs.reduce((t, r) => t + at(r), 0);
    case 'branch':
      return at(f.test) % 2 === 0 ? at(f.then) : at(f.else);
    case 'clamp':
      return Math.min(at(f.ref), f.max);
    case 'parity':
      return Math.abs(at(f.ref)) % 2;
    case 'order':
      return at(f.x) * 3 + at(f.y);
  }
}

function runSpec(spec: Spec): void {
  const owner = createOwner(null);
  const sigs: Signal<number>[] = spec.signals.map((v) => signal(v));
  const nodes: Array<Signal<number> | Memo<number>> = [...sigs];
  const computeCounts = spec.memos.map(() => 0);
  const currentValues = () => sigs.map((s) => s.peek());
  owner.run(() => {
    spec.memos.forEach((f, i) => {
      const get = (r: number) => nodes[r]!.get();
      nodes.push(
        memo(() => {
          computeCounts[i]!++;
          switch (f.op) {
            case 'sum':
              return f.refs.reduce((t, r) => t + get(r), 0);
            case 'branch':
              return get(f.test) % 2 === 0 ? get(f.then) : get(f.else);
            case 'clamp':
              return Math.min(get(f.ref), f.max);
            case 'parity':
              return Math.abs(get(f.ref)) % 2;
            case 'order': {
              if (get(f.test) % 2 === 0) {
                const x = get(f.x);
                return x * 3 + get(f.y);
              }
              const y = get(f.y);
              return get(f.x) * 3 + y;
            }
          }
        }),
      );
    });
  });

  const inconsistencies: string[] = [];
  const effectRuns = spec.effects.map(() => 0);
  const lastSeen: number[][] = spec.effects.map(() => []);
  owner.run(() => {
    spec.effects.forEach((reads, e) => {
      effect(() => {
        effectRuns[e]!++;
        const values = currentValues();
        lastSeen[e] = reads.map((r) => {
          const got = nodes[r]!.get();
          const want = evaluate(spec, values, r);
          if (got !== want) inconsistencies.push(`effect ${e} read node ${r} = ${got}, expected ${want}`);
          return got;
        });
      });
    });
  });

  for (const [stepIndex, step] of spec.steps.entries()) {
    const countsBefore = [...computeCounts];
    const runsBefore = [...effectRuns];
    const simulated = currentValues();
    const changesSomething = step.writes.some(([s, v]) => {
      const changed = !Object.is(simulated[s], v);
      simulated[s] = v;
      return changed;
    });
    const apply = () => step.writes.forEach(([s, v]) => sigs[s]!.set(v));
    if (step.batched) batch(apply);
    else apply();

    const values = currentValues();
    if (!changesSomething) {
      // Writes of the current value are not changes: nothing may recompute or re-run.
      expect(computeCounts).toEqual(countsBefore);
      expect(effectRuns).toEqual(runsBefore);
    }
    // Every memo equals a from-scratch recomputation (read in varying orders, untracked).
    const order = Array.from({ length: spec.memos.length }, (_, i) => spec.signals.length + i);
    if (stepIndex % 2 === 1) order.reverse();
    for (const k of order) {
      expect(nodes[k]!.get(), `memo ${k}`).toBe(evaluate(spec, values, k));
    }
    // Reading them all again changes nothing.
    const afterRead = [...computeCounts];
    for (const k of order) nodes[k]!.get();
    expect(computeCounts).toEqual(afterRead);
    // Every effect is up to date: if it did not re-run, nothing it read changed.
    spec.effects.forEach((reads, e) => {
      expect(lastSeen[e], `effect ${e}`).toEqual(reads.map((r) => evaluate(spec, values, r)));
    });
    if (step.batched) {
      // One change set: no memo computes twice, no effect runs twice.
      computeCounts.forEach((c, i) => expect(c - countsBefore[i]!, `memo ${i} computations`).toBeLessThanOrEqual(1));
      effectRuns.forEach((c, i) => expect(c - runsBefore[i]!, `effect ${i} runs`).toBeLessThanOrEqual(1));
    } else {
      computeCounts.forEach((c, i) => expect(c - countsBefore[i]!).toBeLessThanOrEqual(step.writes.length));
    }
  }
  expect(inconsistencies).toEqual([]);
  owner.dispose();
  // After disposal nothing runs any more.
  const frozen = [...effectRuns];
  sigs.forEach((s) => s.set(s.peek() + 100));
  expect(effectRuns).toEqual(frozen);
}

afterEach(() => {
  setReactiveErrorHandler(null);
});

describe('random graphs (property)', () => {
  it('memos equal a from-scratch recomputation and effects only see consistent values', () => {
    const errors: unknown[] = [];
    setReactiveErrorHandler((e) => errors.push(e));
    fc.assert(
      fc.property(specArb, (spec) => {
        runSpec(spec);
        expect(errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('a regression shape: diamond over a branch that flips', () => {
    runSpec({
      signals: [0, 1],
      memos: [
        { op: 'branch', test: 0, then: 1, else: 0 },
        { op: 'parity', ref: 2 },
        { op: 'sum', refs: [2, 3, 2] },
      ],
      effects: [[4, 3], [2]],
      steps: [
        { batched: true, writes: [[0, 1], [1, 4]] },
        { batched: false, writes: [[0, 2], [1, 3]] },
        { batched: true, writes: [[0, 2]] },
      ],
    });
  });
});
