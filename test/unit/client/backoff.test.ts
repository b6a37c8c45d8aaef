import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoff } from '../../../src/client/backoff.ts';

describe('reconnect backoff (full jitter)', () => {
  it('draws uniformly below min(10 s, 100 ms · 2^n)', () => {
    expect(backoff(0, 0)).toBe(0);
    expect(backoff(0, 0.999)).toBeCloseTo(99.9);
    expect(backoff(1, 0.5)).toBe(100);
    expect(backoff(3, 1)).toBe(800);
    expect(backoff(6, 1)).toBe(6400);
    expect(backoff(7, 1)).toBe(10_000);
    expect(backoff(50, 0.25)).toBe(2_500);
    expect(backoff(2000, 1)).toBe(10_000);
  });

  it('the first retry comes within 100 ms, so a blip recovers in well under 500 ms', () => {
    for (let i = 0; i < 1000; i++) expect(backoff(0)).toBeLessThan(100);
  });

  it('stays within [0, cap] for any attempt and draw', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const d = backoff(n, r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.min(10_000, 100 * 2 ** n) + 1e-9);
        expect(Number.isFinite(d)).toBe(true);
      }),
    );
  });

  it('spreads: the same attempt gives different delays', () => {
    const seen = new Set(Array.from({ length: 50 }, () => Math.round(backoff(5))));
    expect(seen.size).toBeGreaterThan(10);
  });
});
