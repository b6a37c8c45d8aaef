/**
 * The counter app served in its own process for the load and memory benchmarks. Prints its URL on
 * stdout, answers `/__bench/heap` with the heap after a full GC (run node with --expose-gc) and exits on
 * SIGTERM.
 */
import { createApp, serve } from '../../src/runtime/node/index.ts';
import { Counter } from '../../test/helpers/counter-app.ts';

const app = createApp({
  routes: { '/': Counter },
  sessions: { maxSessions: 200_000, sweepInterval: 0, session: { eventRate: 1_000, eventBurst: 2_000 } },
});
const gc = (globalThis as { gc?: () => void }).gc;
const srv = await serve(app, {
  port: 0,
  before(request) {
    if (new URL(request.url).pathname !== '/__bench/heap') return undefined;
    for (let i = 0; i < 4; i++) gc?.();
    const m = process.memoryUsage();
    return Response.json({ heapUsed: m.heapUsed, rss: m.rss, sessions: app.sessions.size, gc: gc !== undefined });
  },
});
console.log(srv.url);
process.on('SIGTERM', () => void srv.close(100).then(() => process.exit(0)));
