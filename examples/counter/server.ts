/**
 * The counter (milestone M1) as a live page: `npm run example:counter`, then open the printed URL.
 * Plain `h()` so Node runs this file directly; apps use TSX with `vango dev`.
 */
import { signal } from '../../src/runtime/reactive/index.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import { createApp, serve } from '../../src/runtime/node/index.ts';

function Counter() {
  const count = signal(0);
  return h(
    'main',
    null,
    h('h1', null, 'Count: ', count.get()),
    h('button', { onClick: () => count.inc() }, '+'),
    h('button', { onClick: () => count.dec() }, '−'),
  );
}

const port = Number(process.env.PORT ?? 3000);
const srv = await serve(createApp({ routes: { '/': Counter } }), { port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Vango counter live at ${srv.url}`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void srv.close().then(() => process.exit(0)));
