/**
 * Waiting for the server-side event loop without being fooled by fake timers: the real macrotask
 * primitives are captured when the harness loads, before a test calls `vi.useFakeTimers()`.
 */
const realSetImmediate = globalThis.setImmediate;
const realSetTimeout = globalThis.setTimeout;

/** One real turn of the event loop (microtasks drained, I/O callbacks run). */
export function realTick(): Promise<void> {
  return new Promise((resolve) => (realSetImmediate ? realSetImmediate(resolve) : realSetTimeout(resolve, 0)));
}

/**
 * Resolve once `busy()` is false, checking each real tick. A handler waiting on a faked timer never
 * finishes by itself: after `warnAfterMs` of real time the promise rejects with a hint.
 */
export async function waitUntil(busy: () => boolean, what: string, warnAfterMs = 5_000): Promise<void> {
  const started = Date.now();
  // Date.now may be faked too; count ticks as a fallback clock (about 1 ms each at least).
  let ticks = 0;
  while (busy()) {
    await realTick();
    ticks++;
    const elapsed = Math.max(Date.now() - started, ticks / 4);
    if (elapsed > warnAfterMs) {
      throw new Error(`${what} is still running after ${warnAfterMs} ms. If it waits on a timer under vi.useFakeTimers(), start the interaction without awaiting it, advance time (await vi.advanceTimersByTimeAsync(ms)), then await it.`);
    }
  }
}
