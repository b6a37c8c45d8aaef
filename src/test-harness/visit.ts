/**
 * `visit(path)`: a page of the app rendered by the real App (router, layouts, middleware, head) in a
 * real session, with a client attached in memory. Interactions travel as encoded wire events and
 * updates come back as Patches frames: the same code path as production, minus the network.
 */
import { createApp, type App, type AppOptions } from '../runtime/app/app.ts';
import { appOptionsFromConfig } from '../runtime/app/from-config.ts';
import type { Session } from '../runtime/app/session.ts';
import type { Transport } from '../runtime/app/transport.ts';
import type { VangoConfig } from '../runtime/config.ts';
import { decodeServerFrame, encodeClientHello, encodeEvent, PROTOCOL_VERSION } from '../runtime/protocol/client.ts';
import { EventKind } from '../runtime/protocol/events.ts';
import { FrameType } from '../runtime/protocol/frames.ts';
import type { RouteTable } from '../runtime/router/table.ts';
import { Op, type Patch } from '../runtime/vdom/patch.ts';
import { registeredRoutes } from './routes.ts';
import { realTick, waitUntil } from './settle.ts';
import { createView, type Driver, type View } from './view.ts';
import { toWireEvent } from './wire.ts';

export interface VisitOptions {
  /** Default: the table registered by `vango test` (`registerRoutes`). */
  routeTable?: RouteTable;
  /** The app's config (`vango.config.ts` default export). */
  config?: VangoConfig;
  /** Extra app options (`routes`, `notFound`, ...). */
  app?: AppOptions;
  /** Request headers of the document load (cookies, auth). */
  headers?: Record<string, string>;
}

export interface PageView extends View {
  /** Status of the last document load (200, 404, 500...). */
  readonly status: number;
  /** The current URL path (follows live navigation). */
  url(): string;
  /** The document title (follows live navigation). */
  title(): string;
  /** Navigate as a link click would (live, in the same session). */
  navigate(path: string, opts?: { replace?: boolean }): Promise<void>;
  /** The app behind the page. */
  readonly app: App;
}

const ORIGIN = 'http://vango.test';
const MAX_REDIRECTS = 10;

interface Loaded {
  session: Session;
  status: number;
  url: URL;
  title: string;
}

function busy(s: Session): boolean {
  return s.busy;
}

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Render `path` through the app and drive it like a browser with a live socket. */
export async function visit(path: string, opts: VisitOptions = {}): Promise<PageView> {
  const routeTable = opts.routeTable ?? registeredRoutes();
  if (!routeTable && !opts.app?.routes && !opts.app?.resolve) {
    throw new Error('visit(): no route table. Run the tests with `vango test` (it registers app/.vango/routes.gen.ts), or pass { routeTable }.');
  }
  const errors: unknown[] = [];
  const app = createApp(
    appOptionsFromConfig(opts.config ?? {}, {
      ...opts.app,
      ...(routeTable ? { routeTable } : {}),
      dev: true,
      onError: (err) => errors.push(err),
      sessions: { ...opts.app?.sessions, sweepInterval: 0, onError: (err) => errors.push(err) },
    }),
  );

  let received: Patch[] = [];
  let eventSeq = 0;
  let fullNavigation: string | undefined;
  const transport: Transport = {
    send(frame) {
      const r = decodeServerFrame(frame);
      if (!r.ok || !r.value) return;
      const f = r.value;
      if (f.type === FrameType.Patches) {
        received.push(...f.patches);
        for (const p of f.patches) if (p.op === Op.Dispatch && p.name === 'vango:navigate') fullNavigation = JSON.parse(p.detail) as string;
      } else if (f.type === FrameType.Error) errors.push(new Error(`server error frame: ${f.message}`));
    },
    buffered: 0,
    close() {},
  };

  const load = async (target: string): Promise<Loaded> => {
    let url = new URL(target, ORIGIN);
    let res: Response | undefined;
    for (let i = 0; i <= MAX_REDIRECTS; i++) {
      res = await app.fetch(new Request(url, { headers: opts.headers }));
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) break;
      url = new URL(location, url);
      if (url.origin !== ORIGIN) throw new Error(`visit(${target}): redirected off the app to ${url.href}`);
    }
    const html = await res!.text();
    const boot = /<script type="application\/json" id="vango-boot">(.*?)<\/script>/s.exec(html);
    if (errors.length > 0 && !boot) throw errors.splice(0)[0];
    if (!boot) throw new Error(`visit(${target}): ${res!.status} ${res!.headers.get('content-type') ?? ''} is not a page:\n${html.slice(0, 500)}`);
    const { sid, csrf, ws } = JSON.parse(boot[1]!) as { sid: string; csrf: string; ws: string };
    const wsUrl = new URL(ws, ORIGIN);
    wsUrl.searchParams.set('sid', sid);
    wsUrl.searchParams.set('csrf', csrf);
    const session = app.authorize(wsUrl, ORIGIN, new URL(ORIGIN).host);
    if (session === 'expired' || !('root' in session)) throw new Error(`visit(${target}): the page's session was refused`);
    const conn = app.connect(session, transport);
    conn.receive(encodeClientHello({ version: PROTOCOL_VERSION, sessionId: sid, lastSeq: 0, csrf, width: 1280, height: 800, dpr: 1, caps: 0, tzOffset: 0, locale: 'en' }));
    current = { session, conn };
    const title = /<title>(.*?)<\/title>/s.exec(html);
    return { session, status: res!.status, url, title: title ? unescapeHtml(title[1]!) : '' };
  };

  let current: { session: Session; conn: ReturnType<App['connect']> } | undefined;
  let page = await load(path);
  let url = page.url.pathname + page.url.search;
  let title = page.title;

  /** Send one wire event and wait for the session to finish with it; returns the patches it caused. */
  const send = async (event: Parameters<typeof encodeEvent>[1]): Promise<Patch[]> => {
    received = [];
    const { session, conn } = current!;
    conn.receive(encodeEvent(++eventSeq, event));
    await waitUntil(() => busy(session), 'the event handler');
    await realTick();
    const out = received;
    received = [];
    for (const p of out) {
      if (p.op === Op.UrlPush || p.op === Op.UrlReplace) url = p.url;
      if (p.op === Op.Dispatch && p.name === 'vango:title') title = JSON.parse(p.detail) as string;
    }
    if (fullNavigation !== undefined) {
      // What the client does for an API route or a foreign response: load it as a new document.
      const next = fullNavigation;
      fullNavigation = undefined;
      await reload(next);
    }
    if (errors.length > 0) throw errors.splice(0)[0];
    return out;
  };

  const reload = async (target: string): Promise<void> => {
    current?.session.close();
    page = await load(target);
    url = page.url.pathname + page.url.search;
    title = page.title;
  };

  const driver: Driver = {
    root: () => current!.session.root,
    dispatch: (el, event, payload) => send(toWireEvent(event, el.hid!, payload)),
    async settle() {
      // Updates a live session flushed on its own (timers, other sessions' writes) since the last
      // interaction count too: they are what the client received meanwhile.
      const { session } = current!;
      await realTick();
      await waitUntil(() => busy(session), 'pending work');
      await realTick();
      const out = received;
      received = [];
      if (errors.length > 0) throw errors.splice(0)[0];
      return out;
    },
    async follow(href) {
      const target = new URL(href, ORIGIN + url);
      if (target.origin !== ORIGIN) return undefined;
      return send({ kind: EventKind.Navigate, hid: 0, path: target.pathname + target.search + target.hash, replace: false });
    },
    close() {
      current?.session.close();
      void app.close(0);
    },
  };
  const view = createView(driver);
  Object.defineProperty(view, 'status', { get: () => page.status, enumerable: true });
  return Object.assign(view, {
    url: () => url,
    title: () => title,
    app,
    async navigate(to: string, o: { replace?: boolean } = {}) {
      await send({ kind: EventKind.Navigate, hid: 0, path: to, replace: o.replace ?? false });
    },
  }) as PageView;
}
