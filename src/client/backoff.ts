/**
 * Reconnect delay in ms before retry `n` (0 for the first): "full jitter", a uniform draw below
 * min(10 s, 100 ms · 2^n), so the first retry comes within 100 ms and a crowd of clients spreads out.
 */
export const backoff = (n: number, r = Math.random()): number => r * Math.min(1e4, 100 * 2 ** n);
