/**
 * `<Link prefetch>` over real HTTP and a real socket: a prefetch request renders the target page once,
 * detached and with its effects held; the navigation that follows adopts it (no second render, effects
 * run then, the page is interactive under the hids the client got); an expired prefetch or one for
 * another path falls back to a normal render; a prefetch of a missing, redirecting, guarded or throwing
 * route prepares nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/runtime/app/app.ts';
import { createApp, serve, type Served } from '../../src/runtime/node/index.ts';
import { PREFETCH_KEY } from '../../src/runtime/app/prefetch.ts';
import { PREFETCH_EVENT } from '../../src/runtime/app/session.ts';
import { EventKind } from '../../src/runtime/protocol/events.ts';
import { FrameType, type PatchesFrame, type ServerFrame } from '../../src/runtime/protocol/frames.ts';
import { effect, signal } from '../../src/runtime/reactive/index.ts';
import { Link } from '../../src/runtime/router/link.ts';
import type { LayoutDef, MiddlewareDef, RouteDef, RouteTable } from '../../src/runtime/router/table.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import { Op, type Patch, type WireNode } from '../../src/runtime/vdom/patch.ts';
import type { Child } from '../../src/runtime/vdom/vnode.ts';
import { openPage, WireClient } from '../helpers/wire-client.ts';

/** Renders and effect runs per page, counted on the server. */
const renders: Record<string, number> = {};
const effects: Record<string, number> = {};
const count = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);

function Shell({ children }: { children?: Child }) {
  const clicks = signal(0);
  return h('div', { id: 'shell' }, h('button', { id: 'shell-button', onClick: () => clicks.inc() }, `clicks=${clicks.get()}`), children);
}

/** A page that counts its renders and its effect runs, with a button of its own. */
const counted = (name: string) =>
  Object.defineProperty(
    () => {
      count(renders, name);
      const n = signal(0);
      effect(() => void count(effects, name));
      return h('main', { id: name }, h('button', { id: `${name}-button`, onClick: () => n.inc() }, `${name} n=${n.get()}`));
    },
    'name',
    { value: name },
  );

function Home() {
  return h('main', { id: 'home' }, h(Link, { href: '/target', prefetch: true, id: 'to-target' }, 'target'), ' ', h(Link, { href: '/other' }, 'other'));
}

const shell: LayoutDef = { file: 'app/_layout.tsx', module: { default: Shell } };
const guard: MiddlewareDef = { file: 'app/guarded/_middleware.ts', module: { default: () => new Response(null, { status: 302, headers: { location: '/' } }) } };
const page = (pattern: string, fn: () => Child, middleware: MiddlewareDef[] = []): RouteDef => ({
  pattern,
  file: `app${pattern === '/' ? '/index' : pattern}.tsx`,
  module: { default: fn },
  layouts: [shell],
  middleware,
});
const Boom = () => {
  count(renders, 'boom');
  throw new Error('boom in a prefetched render');
};
const table: RouteTable = {
  routes: [
    page('/', Home),
    page('/target', counted('target')),
    page('/other', counted('other')),
    page('/guarded', counted('guarded'), [guard]),
    page('/boom', Boom),
  ],
  layouts: [shell],
  middleware: [guard],
  errors: [],
  notFound: [],
};

let srv: Served;
let short: Served;
const apps = new Map<Served, App>();
const errors: string[] = [];
const clients: WireClient[] = [];

beforeAll(async () => {
  const quiet = { onError: (e: unknown) => void errors.push(String(e)) };
  const devApp = createApp({ routeTable: table, dev: true, sessions: { sweepInterval: 0, onError: (e: unknown) => void errors.push(String(e)) }, ...quiet });
  const prodApp = createApp({ routeTable: table, sessions: { sweepInterval: 0, session: { prefetchTtl: 100 } }, ...quiet });
  srv = await serve(devApp, { port: 0 });
  short = await serve(prodApp, { port: 0 });
  apps.set(srv, devApp).set(short, prodApp);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const k in renders) delete renders[k];
  for (const k in effects) delete effects[k];
  errors.length = 0;
});

afterAll(async () => {
  await srv?.close(50);
  await short?.close(50);
});

async function open(s: Served, path = '/') {
  const page = await openPage(s.url, path);
  const c = await WireClient.connect(s.url, page);
  clients.push(c);
  await c.next((f) => f.type === FrameType.ServerHello);
  const session = apps.get(s)!.sessions.get(page.sid)!;
  return { c, page, session };
}

const prefetch = (c: WireClient, path: string) => c.send({ kind: EventKind.Custom, hid: 0, name: PREFETCH_EVENT, payload: path });
/** Wait until the server handled everything sent so far (it answers a Ping in order with the events). */
const settle = () => new Promise((r) => setTimeout(r, 50));

async function navigate(c: WireClient, path: string): Promise<PatchesFrame> {
  const seq = c.send({ kind: EventKind.Navigate, hid: 0, path, replace: false });
  return (await c.next((f: ServerFrame) => f.type === FrameType.Patches && f.eventSeq === seq)) as PatchesFrame;
}

/** The hid of the element with `id` in a patch's subtree (hids run in pre-order from `first`). */
function hidIn(ps: Patch[], id: string): number | undefined {
  for (const p of ps) {
    if (p.op !== Op.Insert && p.op !== Op.Replace) continue;
    let hid = p.first;
    const walk = (n: WireNode): number | undefined => {
      const mine = hid++;
      if (n.kind !== 1) return undefined;
      if (n.attrs.some(([k, v]) => k === 'id' && v === id)) return mine;
      for (const c of n.children) {
        const r = walk(c);
        if (r !== undefined) return r;
      }
      return undefined;
    };
    const r = walk(p.node);
    if (r !== undefined) return r;
  }
  return undefined;
}
const texts = (ps: Patch[]) => JSON.stringify(ps);

describe('prefetch', () => {
  it('<Link prefetch> renders data-prefetch on the <a>; a plain <Link> does not', async () => {
    const { page } = await open(srv);
    expect(page.html).toMatch(/<a href="\/target" id="to-target" data-prefetch>target<\/a>/);
    expect(page.html).toMatch(/<a href="\/other">other<\/a>/);
  });

  it('renders the target once ahead of the click, runs its effects only on the click, and does not render it again', async () => {
    const { c, session } = await open(srv);
    prefetch(c, '/target');
    await settle();
    expect(renders.target).toBe(1);
    expect(effects.target).toBeUndefined();
    // A prefetch is answered with nothing.
    expect(c.frames.filter((f) => f.type === FrameType.Patches)).toHaveLength(0);
    expect(session.data.has(PREFETCH_KEY)).toBe(true);

    const f = await navigate(c, '/target');
    expect(f.patches[0]).toEqual({ op: Op.UrlPush, url: '/target' });
    expect(texts(f.patches)).toContain('target n=0');
    expect(renders.target).toBe(1);
    expect(effects.target).toBe(1);
    expect(session.data.has(PREFETCH_KEY)).toBe(false);

    // The adopted page is live under the hids the client got: its button works and re-renders it.
    const button = hidIn(f.patches, 'target-button')!;
    expect(button).toBeGreaterThan(0);
    const seq = c.click(button);
    const g = (await c.next((x) => x.type === FrameType.Patches && x.eventSeq === seq)) as PatchesFrame;
    expect(g.patches).toContainEqual({ op: Op.SetText, hid: button + 1, text: 'target n=1' });
    expect(renders.target).toBe(2);
    // The shared layout kept its state and works too.
    expect(errors).toEqual([]);
  });

  it('a navigation elsewhere renders normally and drops the prepared page without running its effects', async () => {
    const { c, session } = await open(srv);
    prefetch(c, '/target');
    await settle();
    const f = await navigate(c, '/other');
    expect(texts(f.patches)).toContain('other n=0');
    expect(renders).toEqual({ target: 1, other: 1 });
    expect(effects).toEqual({ other: 1 });
    expect(session.data.has(PREFETCH_KEY)).toBe(false);
    // Going to the once-prefetched page now renders it afresh.
    await navigate(c, '/target');
    expect(renders.target).toBe(2);
    expect(effects.target).toBe(1);
  });

  it('another event drops the prepared page; the navigation after it renders again', async () => {
    const { c, page, session } = await open(srv);
    prefetch(c, '/target');
    await settle();
    expect(session.data.has(PREFETCH_KEY)).toBe(true);
    const shellButton = Number(/id="shell-button" data-hid="(\d+)"/.exec(page.html)![1]);
    const seq = c.click(shellButton);
    await c.next((x) => x.type === FrameType.Patches && x.eventSeq === seq);
    expect(session.data.has(PREFETCH_KEY)).toBe(false);
    await navigate(c, '/target');
    expect(renders.target).toBe(2);
    expect(effects.target).toBe(1);
  });

  it('an expired prefetch falls back to a normal render', async () => {
    const { c, session } = await open(short);
    prefetch(c, '/target');
    await settle();
    expect(renders.target).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(session.data.has(PREFETCH_KEY)).toBe(false);
    const f = await navigate(c, '/target');
    expect(texts(f.patches)).toContain('target n=0');
    expect(renders.target).toBe(2);
    expect(effects.target).toBe(1);
  });

  it('a prefetch of a missing, redirecting, guarded, API-less or throwing route prepares nothing', async () => {
    const { c, session } = await open(srv);
    for (const p of ['/nope', '/target/', '/guarded', '/boom', '/', 'https://elsewhere.example/target', '//elsewhere.example/x']) prefetch(c, p);
    await settle();
    expect(session.data.has(PREFETCH_KEY)).toBe(false);
    // The guarded page was not rendered: its middleware never ran on a hover, and it is not rendered without it.
    expect(renders.guarded).toBeUndefined();
    expect(renders.target).toBeUndefined();
    // The throwing page was tried once and reported in dev; the session lives on.
    expect(renders.boom).toBe(1);
    expect(errors.some((e) => e.includes('boom in a prefetched render'))).toBe(true);
    expect(c.closed).toBeUndefined();
    // The guarded page's middleware still decides on the navigation.
    const f = await navigate(c, '/guarded');
    expect(f.patches[0]).toEqual({ op: Op.UrlPush, url: '/' });
    expect(renders.guarded).toBeUndefined();
  });

  it('a failing prefetch is silent in production', async () => {
    const { c } = await open(short);
    prefetch(c, '/boom');
    await settle();
    expect(renders.boom).toBe(1);
    expect(errors).toEqual([]);
    expect(c.closed).toBeUndefined();
  });

  it('is rate-limited per session: a burst of prefetches renders at most the burst, and the socket stays open', async () => {
    const { c } = await open(srv);
    for (let i = 0; i < 20; i++) prefetch(c, i % 2 ? '/target' : '/other');
    await settle();
    expect((renders.target ?? 0) + (renders.other ?? 0)).toBeLessThanOrEqual(4);
    expect((renders.target ?? 0) + (renders.other ?? 0)).toBeGreaterThan(0);
    expect(c.closed).toBeUndefined();
    expect(effects).toEqual({});
  });

  it('keeps one prepared page per session: a second prefetch replaces the first', async () => {
    const { c } = await open(srv);
    prefetch(c, '/target');
    prefetch(c, '/other');
    await settle();
    await navigate(c, '/target');
    expect(renders.target).toBe(2);
    await navigate(c, '/other');
    expect(renders.other).toBe(2);
  });

  it('drops the prepared page when the session closes', async () => {
    const { c, session } = await open(srv);
    prefetch(c, '/target');
    await settle();
    session.close();
    expect(session.data.has(PREFETCH_KEY)).toBe(false);
    expect(effects).toEqual({});
  });
});
