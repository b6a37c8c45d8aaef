/**
 * The counter page (milestone M1) and a server for it, shared by integration tests and benchmarks.
 */
import { signal } from '../../src/runtime/reactive/index.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import { createApp, serve, type AppOptions, type Served } from '../../src/runtime/node/index.ts';

export function Counter() {
  const count = signal(0);
  return h('main', null, h('h1', null, 'Count: ', count.get()), h('button', { onClick: () => count.inc() }, '+'));
}

export async function serveCounter(opts: Partial<AppOptions> = {}, port = 0): Promise<Served> {
  const app = createApp({ routes: { '/': Counter }, ...opts });
  return serve(app, { port, host: '127.0.0.1' });
}
