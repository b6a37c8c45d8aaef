/**
 * The app with a route table, through App.fetch and navigateSession: the outlet keeps shared layouts
 * mounted (and their state) across navigations; error pages in dev and production.
 */
import { describe, expect, it } from 'vitest';
import { createApp, navigateSession, type App } from '../../../src/runtime/app/app.ts';
import type { Session } from '../../../src/runtime/app/session.ts';
import type { Transport } from '../../../src/runtime/app/transport.ts';
import { PROTOCOL_VERSION } from '../../../src/runtime/protocol/client.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import { signal } from '../../../src/runtime/reactive/index.ts';
import type { LayoutDef, RouteDef, RouteTable, SpecialPageDef } from '../../../src/runtime/router/table.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Op, type Patch } from '../../../src/runtime/vdom/patch.ts';
import { Kind, type Child, type VElement, type VNode } from '../../../src/runtime/vdom/vnode.ts';

function Shell({ children }: { children?: Child }) {
  const clicks = signal(0);
  return h('div', { id: 'shell' }, h('button', { onClick: () => clicks.inc() }, `clicks=${clicks.get()}`), children);
}
const A = () => h('main', null, 'page A');
const B = ({ params }: { params: { id: string } }) => h('main', null, `page B ${params.id}`);
const Boom = (): Child => {
  throw new Error('secret database detail');
};
const ErrorPage = ({ error, status }: { error: Error; status: number }) => h('p', { id: 'err' }, `${status}:${error.message}:${error.stack === undefined ? 'no-stack' : 'stack'}`);

const shell: LayoutDef = { file: 'app/_layout.tsx', module: { default: Shell } };
const route = (pattern: string, file: string, page: (p: any) => Child, layouts: LayoutDef[] = [shell]): RouteDef => ({
  pattern,
  file,
  module: { default: page },
  layouts,
  middleware: [],
  error: errorDef,
});
const errorDef: SpecialPageDef = { file: '_error.tsx', prefix: '/', module: { default: ErrorPage }, layouts: [] };
const table: RouteTable = {
  routes: [route('/app/a', 'app/a.tsx', A), route('/app/b/:id', 'app/b/[id].tsx', B), route('/boom', 'boom.tsx', Boom, [])],
  layouts: [shell],
  middleware: [],
  errors: [errorDef],
  notFound: [],
};

async function open(app: App, path: string): Promise<{ res: Response; html: string; session: Session }> {
  const res = await app.fetch(new Request(`http://localhost${path}`));
  const html = await res.text();
  const sid = /"sid":"([^"]+)"/.exec(html)?.[1];
  const session = sid ? app.sessions.get(sid) : undefined;
  if (!session) throw new Error(`no session in ${html}`);
  return { res, html, session };
}

/** Collects the patches of the frames the session sends. */
class PatchLog implements Transport {
  buffered = 0;
  patches: Patch[] = [];
  send(frame: Uint8Array): void {
    const r = decodeServerFrame(frame);
    if (r.ok && r.value?.type === FrameType.Patches) this.patches.push(...r.value.patches);
  }
  close(): void {}
  take(): Patch[] {
    return this.patches.splice(0);
  }
}

function attach(session: Session): PatchLog {
  const t = new PatchLog();
  const hello = { type: FrameType.ClientHello, version: PROTOCOL_VERSION, sessionId: session.id, lastSeq: 0, csrf: session.csrf, width: 1, height: 1, dpr: 1, caps: 0, tzOffset: 0, locale: 'en' } as const;
  expect(session.attach(t, hello)).toBe(true);
  return t;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The first element in a mounted tree matching `pred` (through component outputs). */
function find(v: VNode | undefined, pred: (e: VElement) => boolean): VElement | undefined {
  if (!v) return undefined;
  if (v.kind === Kind.Element && pred(v)) return v;
  if (v.kind === Kind.Component) return find(v.instance?.out as VNode | undefined, pred);
  if (v.kind === Kind.Element || v.kind === Kind.Fragment) for (const c of v.children) {
    const f = find(c, pred);
    if (f) return f;
  }
  return undefined;
}

const textOf = (v: VNode | undefined): string => {
  if (!v) return '';
  if (v.kind === Kind.Text) return v.text ?? '';
  if (v.kind === Kind.Component) return textOf(v.instance?.out as VNode | undefined);
  if (v.kind === Kind.Element || v.kind === Kind.Fragment) return v.children.map(textOf).join('');
  return '';
};

describe('app with a route table: the outlet', () => {
  it('keeps a shared layout mounted with its state when navigating between two pages under it', async () => {
    const app = createApp({ routeTable: table, sessions: { sweepInterval: 0 } });
    const { res, html, session } = await open(app, '/app/a');
    const log = attach(session);
    expect(res.status).toBe(200);
    expect(html).toContain('page A');
    const layoutEl = find(session.root.top, (e) => e.props.id === 'shell')!;
    const button = find(session.root.top, (e) => e.tag === 'button')!;
    expect(layoutEl.hid).toBeGreaterThan(0);
    expect(button.hid).toBeGreaterThan(0);
    session.run(() => session.root.dispatch(button.hid!, 'click', undefined));
    await tick();
    log.take();
    expect(textOf(session.root.top)).toBe('clicks=1page A');

    const r = await navigateSession(session, '/app/b/7');
    expect(r.kind).toBe('page');
    await tick(); // the session flushes on its own and sends one Patches frame
    const patches = log.take();
    expect(patches.length).toBeGreaterThan(0);
    // Neither the layout's element nor its button was replaced or removed.
    for (const p of patches) {
      if (p.op === Op.Replace || p.op === Op.Remove) expect([layoutEl.hid, button.hid]).not.toContain(p.hid);
    }
    // The diff moves bookkeeping to the new vnodes: the same element keeps its hid.
    expect(find(session.root.top, (e) => e.props.id === 'shell')?.hid).toBe(layoutEl.hid);
    expect(find(session.root.top, (e) => e.tag === 'button')?.hid).toBe(button.hid);
    expect(textOf(session.root.top)).toBe('clicks=1page B 7');
    expect(JSON.stringify(patches)).toContain('page B 7');

    // Same route, other params: the page is fresh, the layout still keeps its count.
    await navigateSession(session, '/app/b/8');
    await tick();
    expect(textOf(session.root.top)).toBe('clicks=1page B 8');
    expect(find(session.root.top, (e) => e.props.id === 'shell')?.hid).toBe(layoutEl.hid);

    // A miss shows the default not-found page; a trailing slash is followed to the canonical path.
    expect((await navigateSession(session, '/nowhere')).kind).toBe('not-found');
    await tick();
    expect(textOf(session.root.top)).toContain('Not found');
    const back = await navigateSession(session, '/app/a/?x=1');
    expect(back.kind === 'page' && back.url.pathname + back.url.search).toBe('/app/a?x=1');
    await tick();
    expect(textOf(session.root.top)).toBe('clicks=0page A');
    await app.close(0);
  });

  it('refuses to navigate a session that has no outlet', async () => {
    const app = createApp({ routes: { '/': A }, sessions: { sweepInterval: 0 } });
    const { session } = await open(app, '/');
    await expect(navigateSession(session, '/x')).rejects.toThrow(/no router outlet/);
    await app.close(0);
  });
});

describe('app with a route table: errors', () => {
  const quiet = { sessions: { sweepInterval: 0, onError: () => {} }, onError: () => {} };

  it('production: the error page gets the message without the stack', async () => {
    const app = createApp({ routeTable: table, ...quiet });
    const res = await app.fetch(new Request('http://localhost/boom'));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('500:secret database detail:no-stack');
    await app.close(0);
  });

  it('dev: the error page gets the error with its stack', async () => {
    const app = createApp({ routeTable: table, dev: true, ...quiet });
    const res = await app.fetch(new Request('http://localhost/boom'));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('500:secret database detail:stack');
    await app.close(0);
  });

  it('without an error page the plain 500 tells nothing in production, the stack in dev', async () => {
    const bare: RouteTable = { ...table, routes: [{ ...route('/boom', 'boom.tsx', Boom, []), error: undefined }], errors: [] };
    const prod = createApp({ routeTable: bare, ...quiet });
    const res = await prod.fetch(new Request('http://localhost/boom'));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error');
    const dev = createApp({ routeTable: bare, dev: true, ...quiet });
    const d = await dev.fetch(new Request('http://localhost/boom'));
    expect(d.status).toBe(500);
    expect(await d.text()).toMatch(/secret database detail[\s\S]*at /);
    await prod.close(0);
    await dev.close(0);
  });

  it('an error page whose layout throws is rendered without its layouts', async () => {
    const Bad = (): Child => {
      throw new Error('layout broke');
    };
    const badLayout: LayoutDef = { file: '_layout.tsx', module: { default: Bad } };
    const err: SpecialPageDef = { ...errorDef, layouts: [badLayout] };
    const t: RouteTable = { routes: [{ ...route('/x', 'x.tsx', A, [badLayout]), error: err }], layouts: [badLayout], middleware: [], errors: [err], notFound: [] };
    const app = createApp({ routeTable: t, ...quiet });
    const res = await app.fetch(new Request('http://localhost/x'));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('500:layout broke:no-stack');
    await app.close(0);
  });
});
