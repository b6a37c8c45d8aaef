/**
 * Small timing helpers shared by the benchmarks: warm up, then take the median of several rounds.
 */
export interface Timing {
  /** Median time per operation, in microseconds. */
  us: number;
  /** Operations per second at the median. */
  ops: number;
}

/** Time `fn` (one operation per call): `rounds` rounds of at least `ms` milliseconds each; median per-op time. */
export function time(fn: (i: number) => void, opts: { rounds?: number; ms?: number; setup?: (n: number) => void; batch?: number } = {}): Timing {
  const rounds = opts.rounds ?? 7;
  const ms = opts.ms ?? 200;
  let n = opts.batch ?? 1;
  const gc = (globalThis as { gc?: () => void }).gc;
  // Calibrate: find a batch size that takes ~ms/4 (unless the batch is fixed, e.g. to bound prebuilt input).
  for (; opts.batch === undefined; ) {
    opts.setup?.(n);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    const dt = performance.now() - t0;
    if (dt > ms / 4 || n > 1e7) break;
    n *= 2;
  }
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    opts.setup?.(n);
    gc?.();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    per.push(((performance.now() - t0) * 1000) / n);
  }
  per.sort((a, b) => a - b);
  const us = per[Math.floor(per.length / 2)]!;
  return { us, ops: 1e6 / us };
}

/** Percentile of a sorted-or-not list of numbers. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** True when the module is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === new URL(`file://${process.argv[1]}`).href;
}
