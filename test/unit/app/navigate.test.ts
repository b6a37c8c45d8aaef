/**
 * Live navigation in a session: a Navigate event swaps the routed page and answers with ONE frame that
 * carries the history op (push, or replace for back/forward), the title change and the new page's
 * patches; what is not a page of the app (API route, no router, another origin) becomes a full navigation.
 */
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/runtime/app/app.ts';
import { navigate as serverNavigate } from '../../../src/runtime/app/navigate.ts';
import type { Session } from '../../../src/runtime/app/session.ts';
import type { Transport } from '../../../src/runtime/app/transport.ts';
import { encodeEvent, PROTOCOL_VERSION, type PatchesFrame } from '../../../src/runtime/protocol/client.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { EventKind } from '../../../src/runtime/protocol/events.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import { signal } from '../../../src/runtime/reactive/index.ts';
import type { LayoutDef, MiddlewareDef, RouteDef, RouteTable } from '../../../src/runtime/router/table.ts';
import { renderMounted } from '../../../src/runtime/render/serialize.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Op, type Patch, type WireNode } from '../../../src/runtime/vdom/patch.ts';
import type { Child } from '../../../src/runtime/vdom/vnode.ts';

function Shell({ children }: { children?: Child }) {
  const clicks = signal(0);
  return h('div', { id: 'shell' }, h('button', { onClick: () => clicks.inc() }, `clicks=${clicks.get()}`), children);
}
const A = () => h('main', null, 'page A');
const B = () => h('main', null, 'page B');
const shell: LayoutDef = { file: 'app/_layout.tsx', module: { default: Shell, meta: { title: 'Site' } } };
const page = (pattern: string, file: string, fn: () => Child, title?: string): RouteDef => ({
  pattern,
  file,
  module: { default: fn, ...(title ? { meta: { title } } : {}) },
  layouts: [shell],
  middleware: [],
});
const leave: MiddlewareDef = { file: 'app/away/_middleware.ts', module: { default: () => Response.redirect('https://elsewhere.example/x', 302) } };
const offsite: RouteDef = {
  pattern: '/away',
  file: 'app/away.tsx',
  module: { default: A },
  layouts: [],
  middleware: [leave],
};
const table: RouteTable = {
  routes: [
    page('/a', 'app/a.tsx', A),
    page('/b', 'app/b.tsx', B, 'Page B'),
    { pattern: '/api/ping', file: 'app/api/ping.ts', module: { GET: () => Response.json({ ok: true }) }, api: true, layouts: [], middleware: [] },
    offsite,
  ],
  layouts: [shell],
  middleware: [leave],
  errors: [],
  notFound: [],
};

/** Keeps every Patches frame the session sends. */
class FrameLog implements Transport {
  buffered = 0;
  frames: PatchesFrame[] = [];
  send(frame: Uint8Array): void {
    const r = decodeServerFrame(frame);
    if (r.ok && r.value?.type === FrameType.Patches) this.frames.push(r.value);
  }
  close(): void {}
}

async function open(app: App, path: string): Promise<{ session: Session; log: FrameLog }> {
  const html = await (await app.fetch(new Request(`http://localhost${path}`))).text();
  const session = app.sessions.get(/"sid":"([^"]+)"/.exec(html)![1]!)!;
  const log = new FrameLog();
  const hello = { type: FrameType.ClientHello, version: PROTOCOL_VERSION, sessionId: session.id, lastSeq: 0, csrf: session.csrf, width: 1, height: 1, dpr: 1, caps: 0, tzOffset: 0, locale: 'en' } as const;
  expect(session.attach(log, hello)).toBe(true);
  return { session, log };
}

/** Send a Navigate event and wait until the session answered it. */
async function navigate(session: Session, log: FrameLog, seq: number, path: string, replace = false): Promise<PatchesFrame[]> {
  const before = log.frames.length;
  session.receive(encodeEvent(seq, { kind: EventKind.Navigate, hid: 0, path, replace }));
  await session.idle();
  await new Promise((r) => setTimeout(r, 0));
  return log.frames.slice(before);
}

const wireText = (n: WireNode): string => (n.kind === 2 ? n.text : n.kind === 1 ? n.children.map(wireText).join('') : '');
/** The text a frame's patches bring in (inserted or replacing subtrees, changed texts). */
const textIn = (ps: Patch[]) => ps.map((p) => ('node' in p ? wireText(p.node) : p.op === Op.SetText ? p.text : '')).join('|');
const full = (ps: Patch[]) => ps.filter((p) => p.op === Op.Dispatch && p.name === 'vango:navigate').map((p) => JSON.parse((p as { detail: string }).detail));

describe('navigate() from a handler', () => {
  it('moves the session like a link click, after the handler, in one frame', async () => {
    const Go = () => h('main', null, h('button', { onClick: () => serverNavigate('/b') }, 'go'));
    const app = createApp({ routeTable: { ...table, routes: [...table.routes, page('/go', 'app/go.tsx', Go)] }, sessions: { sweepInterval: 0 } });
    const { session, log } = await open(app, '/go');
    const button = [...session.root.interactive.values()].find((el) => el.tag === 'button' && el.children.some((c) => c.kind === 2 && c.text === 'go'))!;
    session.receive(encodeEvent(1, { kind: EventKind.Click, hid: button.hid!, mods: 0 }));
    await session.idle();
    await new Promise((r) => setTimeout(r, 0));
    const f = log.frames.find((x) => x.patches.some((p) => p.op === Op.UrlPush))!;
    expect(f.patches[0]).toEqual({ op: Op.UrlPush, url: '/b' });
    expect(textIn(f.patches)).toContain('page B');
  });

  it('outside a session it says where it may be called', () => {
    expect(() => serverNavigate('/x')).toThrow(/must be called while a session handles an event/);
  });
});

describe('Navigate events', () => {
  it('swaps the page and answers in one frame: the UrlPush first, then the title and the patches', async () => {
    const app = createApp({ routeTable: table, sessions: { sweepInterval: 0 } });
    const { session, log } = await open(app, '/a');
    const frames = await navigate(session, log, 1, '/b?q=1#top');
    expect(frames).toHaveLength(1);
    const f = frames[0]!;
    expect(f.eventSeq).toBe(1);
    expect(f.patches[0]).toEqual({ op: Op.UrlPush, url: '/b?q=1#top' });
    expect(f.patches).toContainEqual({ op: Op.Dispatch, hid: 0, name: 'vango:title', detail: '"Page B"' });
    expect(textIn(f.patches)).toContain('page B');
    // The shared layout stayed: nothing replaced it, so its button is not in the frame.
    expect(textIn(f.patches)).not.toContain('clicks=');
    expect(full(f.patches)).toEqual([]);
  });

  it('back/forward replaces the history entry with the final path after redirects; an unchanged title is not resent', async () => {
    const app = createApp({ routeTable: table, sessions: { sweepInterval: 0 } });
    const { session, log } = await open(app, '/b');
    const [f] = await navigate(session, log, 1, '/a/', true);
    expect(f!.patches[0]).toEqual({ op: Op.UrlReplace, url: '/a' });
    expect(textIn(f!.patches)).toContain('page A');
    // '/a' has the layout's title 'Site', '/b' had 'Page B': changed. Back to '/a' again: same title, none sent.
    expect(f!.patches.some((p) => p.op === Op.Dispatch && p.name === 'vango:title')).toBe(true);
    const [g] = await navigate(session, log, 2, '/a', true);
    expect(g!.patches.some((p) => p.op === Op.Dispatch)).toBe(false);
    expect(g!.patches[0]).toEqual({ op: Op.UrlReplace, url: '/a' });
  });

  it('an unknown path shows the not-found page in place, with the URL pushed', async () => {
    const app = createApp({ routeTable: table, sessions: { sweepInterval: 0 } });
    const { session, log } = await open(app, '/a');
    const frames = await navigate(session, log, 1, '/nowhere');
    expect(frames).toHaveLength(1);
    expect(frames[0]!.patches[0]).toEqual({ op: Op.UrlPush, url: '/nowhere' });
    expect(textIn(frames[0]!.patches)).toContain('Not found');
    // The tab title follows (the SSR 404 has the same).
    expect(frames[0]!.patches[1]).toEqual({ op: Op.Dispatch, hid: 0, name: 'vango:title', detail: '"Not found"' });
    const html = await (await app.fetch(new Request('http://localhost/nowhere'))).text();
    expect(html).toContain('<title>Not found</title>');
  });

  it('a page that throws while rendering shows the nearest _error in its layouts, state of the layout kept', async () => {
    const Boom = (): Child => {
      throw new Error('db down');
    };
    const ErrorPage = (p: { error: Error; status: number }) => h('main', null, `error ${p.status}: ${p.error.message}`);
    const errors: unknown[] = [];
    const withError: RouteTable = {
      ...table,
      routes: [...table.routes, page('/boom', 'app/boom.tsx', Boom)],
      errors: [{ file: 'app/_error.tsx', prefix: '/', module: { default: ErrorPage, meta: { title: 'Oops' } }, layouts: [shell] }],
    };
    const app = createApp({ routeTable: withError, sessions: { sweepInterval: 0, onError: (e) => errors.push(e) } });
    const { session, log } = await open(app, '/a');
    session.run(() => session.root.dispatch([...session.root.interactive.keys()][0]!, 'click', {}));
    session.flush();
    const [f] = await navigate(session, log, 1, '/boom');
    expect(f!.patches[0]).toEqual({ op: Op.UrlPush, url: '/boom' });
    expect(textIn(f!.patches)).toContain('error 500: db down');
    expect(f!.patches).toContainEqual({ op: Op.Dispatch, hid: 0, name: 'vango:title', detail: '"Oops"' });
    expect(errors.map((e) => (e as Error).message)).toEqual(['db down']);
    // The layout was not remounted: its click count survived.
    const html = renderMounted(session.root.top!);
    expect(html).toContain('clicks=1');
    expect(html).toContain('error 500: db down');
    expect(html).not.toContain('page A');
  });

  it('a page that throws with no _error to show becomes a full navigation (the server answers 500)', async () => {
    const Boom = (): Child => {
      throw new Error('db down');
    };
    const app = createApp({ routeTable: { ...table, routes: [...table.routes, page('/boom', 'app/boom.tsx', Boom)] }, sessions: { sweepInterval: 0, onError: () => {} } });
    const { session, log } = await open(app, '/a');
    const [f] = await navigate(session, log, 1, '/boom');
    expect(full(f!.patches)).toEqual(['http://localhost/boom']);
    expect((await app.fetch(new Request('http://localhost/boom'))).status).toBe(500);
  });

  it('an API route or a redirect off the origin is a full navigation, and the page stays', async () => {
    const app = createApp({ routeTable: table, sessions: { sweepInterval: 0 } });
    const { session, log } = await open(app, '/a');
    const frames = await navigate(session, log, 1, '/api/ping?x=1');
    expect(frames).toHaveLength(1);
    expect(frames[0]!.patches).toEqual([{ op: Op.Dispatch, hid: 0, name: 'vango:navigate', detail: '"http://localhost/api/ping?x=1"' }]);
    const [away] = await navigate(session, log, 2, '/away');
    expect(full(away!.patches)).toEqual(['https://elsewhere.example/x']);
    expect(away!.patches.some((p) => p.op === Op.UrlPush || p.op === Op.UrlReplace)).toBe(false);
    // Still on /a: a later navigation is relative to it and the page was not swapped.
    const [b] = await navigate(session, log, 3, '/b');
    expect(b!.patches[0]).toEqual({ op: Op.UrlPush, url: '/b' });
  });

  it('an app without a router answers every navigation with a full one', async () => {
    const app = createApp({ routes: { '/': A, '/b': B }, sessions: { sweepInterval: 0 } });
    const { session, log } = await open(app, '/');
    const frames = await navigate(session, log, 1, '/b#x');
    expect(frames).toHaveLength(1);
    expect(frames[0]!.patches).toEqual([{ op: Op.Dispatch, hid: 0, name: 'vango:navigate', detail: '"/b#x"' }]);
    expect(frames[0]!.eventSeq).toBe(1);
  });
});
