/**
 * The app: turns requests into pages and sockets into live sessions. Isomorphic: it speaks standard
 * `Request`/`Response` and takes any `Transport`, so the Node adapter, a browser worker (PWA) and
 * JavaScriptCore (iOS) host the same object.
 */
import { CloseCode, ErrorCode } from '../protocol/codes.ts';
import { decodeClientFrame } from '../protocol/decode-c2s.ts';
import { encodeError } from '../protocol/encode-s2c.ts';
import { FrameType } from '../protocol/frames.ts';
import type { HeadInput } from '../render/head.ts';
import { HeadCollector, renderDocument, renderMounted, runWithHead } from '../render/index.ts';
import { callApi } from '../router/api.ts';
import { runMiddleware } from '../router/middleware.ts';
import { createRouter, type Router, type RouterOptions, type RouteTable, type SpecialPage } from '../router/table.ts';
import { h } from '../vdom/h.ts';
import { Op, type Patch } from '../vdom/patch.ts';
import type { Child, Component } from '../vdom/vnode.ts';
import { SessionManager, type ManagerInit } from './manager.ts';
import { postedFields, submitPost } from './form-post.ts';
import { createOutlet, navigateSession, notFoundNode, OUTLET_KEY, outletNode, type OutletState } from './outlet.ts';
import { createPrefetcher } from './prefetch.ts';
import { fullNavigation, type Session } from './session.ts';
import type { Transport } from './transport.ts';

/** What a request resolved to: a page component with its props, or a ready response. */
export type Resolution = { page: Component; props?: Record<string, unknown>; status?: number } | Response;

/** Maps a request to a page; the file router provides one, `routes` is the exact-path shorthand. */
export type Resolver = (url: URL, request: Request) => Resolution | undefined | Promise<Resolution | undefined>;

export interface AppOptions {
  /**
   * The file router's table (`routeTable` from `app/.vango/routes.gen.ts`): layouts, params, meta,
   * middleware, API routes, `_404` and `_error` pages. Used instead of `routes` and `resolve`.
   */
  routeTable?: RouteTable;
  /** Options for the router built from `routeTable` (trailing-slash policy). */
  router?: RouterOptions;
  /**
   * Development mode: error pages get the error with its stack and the plain 500 shows the message.
   * Default false (production: no stack, nothing about internals in the fallback).
   */
  dev?: boolean;
  /** Errors outside a session (middleware, API handlers). Default: console.error. */
  onError?: (error: unknown, where: string) => void;
  /** Pages by exact path. */
  routes?: Record<string, Component>;
  /** Request → page; used instead of `routes` when given. */
  resolve?: Resolver;
  /** Rendered for requests nothing resolved (status 404). */
  notFound?: Component;
  /** Session limits and the error hook. */
  sessions?: ManagerInit;
  /** Origins allowed to open the socket besides the page's own (`https://example.com`). */
  origins?: string[];
  /** Where the thin client is served. */
  clientPath?: string;
  /** Where the socket is opened. */
  socketPath?: string;
  /** `<html lang>`. */
  lang?: string;
  /** Stylesheets linked from every page. */
  stylesheets?: string[];
  /** Extra scripts every page loads after the client (the dev server's overlay script). */
  scripts?: string[];
}

/** Why an upgrade was refused: an HTTP status and a message for the body. */
export interface Refusal {
  status: number;
  message: string;
}

/** One socket's view of the app: feed it messages; tell it when the socket closed. */
export interface Connection {
  receive(bytes: Uint8Array): void;
  closed(): void;
}

const DefaultNotFound: Component = () => h('main', null, h('h1', null, 'Not found'), h('p', null, 'No page lives at this address.'));

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;

/** Where a routed session keeps the document title the client shows (`session.data`). */
const TITLE_KEY = 'vango:title';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } as const;

/** What an error page receives in production: the name and message, no stack (nor other fields). */
function redact(err: unknown): Error {
  if (!(err instanceof Error)) return new Error('Internal Server Error');
  const out = new Error(err.message);
  out.name = err.name;
  out.stack = undefined;
  return out;
}

/** How a session-backed page is built: its tree, head entries, status, and whether it is routed. */
interface PageSpec {
  node: Child;
  head?: HeadInput;
  status: number;
  router?: Router;
  /** Fields of a form posted without JavaScript: run its submit handler before rendering. */
  post?: Array<[string, string]>;
}

export class App {
  readonly sessions: SessionManager;
  readonly clientPath: string;
  readonly socketPath: string;
  /** The file router, when the app was created with a `routeTable` (a dev hot update may replace it). */
  router: Router | undefined;
  readonly dev: boolean;
  private readonly opts: AppOptions;

  /** The router options the app was created with. */
  get routerOptions(): RouterOptions | undefined {
    return this.opts.router;
  }

  constructor(opts: AppOptions = {}) {
    this.opts = opts;
    this.dev = opts.dev ?? false;
    // createRouter validates every module: a broken table throws here, before anything is served.
    this.router = opts.routeTable ? createRouter(opts.routeTable, opts.router) : undefined;
    this.sessions = new SessionManager(opts.sessions);
    this.clientPath = opts.clientPath ?? '/_vango/client.js';
    this.socketPath = opts.socketPath ?? '/_vango/ws';
  }

  private async resolve(url: URL, request: Request): Promise<Resolution | undefined> {
    if (this.opts.resolve) return this.opts.resolve(url, request);
    const page = this.opts.routes?.[url.pathname];
    return page ? { page } : undefined;
  }

  /** Serve a request: a page (mounted in a new session, answered with the full document), an API route or a redirect. */
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (this.router) return this.routed(this.router, request, url);
    const post = request.method === 'POST' ? await postedFields(request) : undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD' && !post) {
      return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD, POST' } });
    }
    const r = await this.resolve(url, request);
    if (r instanceof Response) return r;
    const match = r ?? { page: this.opts.notFound ?? DefaultNotFound, status: 404 };
    try {
      return await this.document(request, url, { node: h(match.page, match.props ?? {}), status: match.status ?? 200, post });
    } catch (err) {
      return this.plainError(err);
    }
  }

  private async routed(router: Router, request: Request, url: URL): Promise<Response> {
    const m = router.match(url.pathname);
    // A page answers a form posted without JavaScript; the API routes and middleware get the body untouched.
    const post = request.method === 'POST' && m?.kind === 'route' && m.route.kind === 'page' ? await postedFields(request.clone()) : undefined;
    const page = request.method === 'GET' || request.method === 'HEAD' || post !== undefined;
    if (!m) return page ? this.notFound(router, request, url) : new Response('Not Found', { status: 404, headers: TEXT });
    if (m.kind === 'redirect') return new Response(null, { status: m.status, headers: { location: m.location + url.search } });
    const ctx = { request, url, params: m.params, locals: new Map<string, unknown>() };
    const route = m.route;
    if (route.kind === 'api') {
      try {
        return (await runMiddleware(m.middleware, ctx, () => callApi(route.handlers, request, ctx)))!;
      } catch (err) {
        this.report(err, `${request.method} ${url.pathname}`);
        return this.plainError(err);
      }
    }
    // The page's document is the end of the chain, so a middleware may wrap its Response (headers).
    const final = async (): Promise<Response> => {
      if (!page) return new Response('Method Not Allowed', { status: 405, headers: { ...TEXT, allow: 'GET, HEAD' } });
      try {
        return await this.document(request, url, { node: m.render(m.params, { locals: ctx.locals }), head: m.head(), status: 200, router, post });
      } catch (err) {
        return this.errorPage(router, request, url, err, m.error, m.params);
      }
    };
    try {
      return (await runMiddleware(m.middleware, ctx, final))!;
    } catch (err) {
      this.report(err, `middleware for ${url.pathname}`);
      return page ? this.errorPage(router, request, url, err, m.error, m.params) : this.plainError(err);
    }
  }

  /** The nearest `_404` (or the default) with status 404. */
  private async notFound(router: Router, request: Request, url: URL): Promise<Response> {
    try {
      return await this.document(request, url, { node: notFoundNode(router, this.opts.notFound ?? DefaultNotFound, url.pathname), status: 404, router, head: notFoundHead(router, url.pathname) });
    } catch (err) {
      return this.errorPage(router, request, url, err, router.errorFor(url.pathname), {});
    }
  }

  /**
   * The `_error` page with status 500: inside its layouts, else alone (a layout may be what threw), else
   * a plain 500. Production gives it the error without its stack.
   */
  private async errorPage(router: Router, request: Request, url: URL, err: unknown, page: SpecialPage | undefined, params: Record<string, unknown>): Promise<Response> {
    const chosen = page ?? router.errorFor(url.pathname);
    if (chosen) {
      const props = { error: this.dev ? err : redact(err), status: 500, params };
      for (const layouts of [true, false]) {
        try {
          return await this.document(request, url, { node: chosen.render(props, { layouts }), status: 500, router, head: withTitle(chosen.head(params), 'Error') });
        } catch (again) {
          this.report(again, `error page ${chosen.file}`);
        }
      }
    }
    return this.plainError(err);
  }

  /** A plain 500: the message and stack in dev, nothing about internals in production. */
  private plainError(err: unknown): Response {
    const body = this.dev ? `Internal Server Error\n\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}` : 'Internal Server Error';
    return new Response(body, { status: 500, headers: TEXT });
  }

  private report(err: unknown, where: string): void {
    if (this.opts.onError) this.opts.onError(err, where);
    else console.error(`[vango] error in ${where}:`, err);
  }

  /**
   * Mount a page in a new session and answer with the full document. Throws what rendering threw (the
   * session is closed and the error reported first); answers 503 when no session can be created.
   */
  private async document(request: Request, url: URL, spec: PageSpec): Promise<Response> {
    let session: Session;
    try {
      session = this.sessions.create();
    } catch {
      return new Response('Service Unavailable: too many sessions', { status: 503, headers: { 'retry-after': '5' } });
    }
    const head = new HeadCollector();
    let body: string;
    try {
      if (spec.head) head.add(spec.head);
      let node = spec.node;
      if (spec.router) {
        const outlet = createOutlet(spec.router, url, request.headers, this.opts.notFound ?? DefaultNotFound, node);
        session.data.set(OUTLET_KEY, outlet);
        session.navigator = (path, replace) => this.navigate(session, path, replace);
        session.prefetcher = createPrefetcher(session, this.sessions.options.prefetchTtl, this.dev ? (err, path) => this.sessions.report(err, session, `prefetch of ${path}`) : undefined);
        node = outletNode(outlet);
      }
      runWithHead(head, () => session.mount(node));
      session.data.set(TITLE_KEY, head.data().title);
      if (spec.post && !(await session.run(() => submitPost(session.root, spec.post!)))) {
        session.close();
        return new Response('Bad Request: no form on this page matches the posted fields', { status: 400, headers: TEXT });
      }
      body = renderMounted(session.root.top!);
    } catch (err) {
      session.close();
      this.sessions.report(err, session, `render of ${url.pathname}`);
      throw err;
    }
    const html = renderDocument({
      body,
      head: { ...head.data(), link: [...(this.opts.stylesheets ?? []).map((href) => ({ rel: 'stylesheet', href })), ...head.data().link] },
      lang: this.opts.lang,
      inlineData: { sid: session.id, csrf: session.csrf, ws: this.socketPath },
      scripts: [{ src: this.clientPath, defer: true }, ...(this.opts.scripts ?? []).map((src) => ({ src, defer: true }))],
    });
    return new Response(request.method === 'HEAD' ? null : html, { status: spec.status, headers: HTML_HEADERS });
  }

  /**
   * A live navigation in a routed session: swap the page, then push (or, for back/forward, replace)
   * the final URL and change the title if the page's meta changed it. What is not a page of this app
   * (an API route, a middleware's own response, another origin) becomes a full navigation.
   */
  private async navigate(session: Session, path: string, replace: boolean): Promise<Patch[]> {
    const r = await navigateSession(session, path);
    if (r.kind === 'document' || r.kind === 'response') return [fullNavigation(r.url.href)];
    const ops: Patch[] = [{ op: replace ? Op.UrlReplace : Op.UrlPush, url: r.url.pathname + r.url.search + r.url.hash }];
    const outlet = session.data.get(OUTLET_KEY) as OutletState | undefined;
    setTitle(session, r.kind === 'page' ? r.head.title : notFoundHead(outlet?.router, r.url.pathname).title, ops);
    if (r.kind !== 'page') return ops;
    // Render now, to see whether the new page throws: then the nearest _error is shown in its place.
    const first = session.run(() => session.root.flushCollecting());
    if (first.errors.length === 0) return [...ops, ...first.patches];
    const err = first.errors[0];
    this.sessions.report(err, session, `render of ${r.url.pathname}`);
    const shown = this.showErrorPage(session, r.url, err);
    // No error page that renders: the browser loads the URL and gets the server's plain 500.
    if (!shown) return [fullNavigation(r.url.href)];
    const after: Patch[] = [];
    setTitle(session, shown.title, after);
    return [...ops, ...after, ...first.patches, ...shown.patches];
  }

  /** Swap the outlet to the nearest `_error` (inside its layouts, else alone); its patches, or undefined. */
  private showErrorPage(session: Session, url: URL, err: unknown): { patches: Patch[]; title: string } | undefined {
    const state = session.data.get(OUTLET_KEY) as OutletState | undefined;
    const page = state?.router.errorFor(url.pathname);
    if (!state || !page) return undefined;
    const props = { error: this.dev ? err : redact(err), status: 500, params: {} };
    const patches: Patch[] = [];
    for (const layouts of [true, false]) {
      state.current.set(page.render(props, { layouts }));
      const r = session.run(() => session.root.flushCollecting());
      patches.push(...r.patches);
      if (r.errors.length === 0) return { patches, title: withTitle(page.head(), 'Error').title! };
      this.sessions.report(r.errors[0], session, `error page ${page.file}`);
    }
    return undefined;
  }

  /**
   * Check a socket upgrade before it is accepted: the Origin must be the page's own (or allowed) and the
   * CSRF token must match the session. Returns the session, or why it was refused.
   */
  authorize(url: URL, origin: string | undefined, host: string | undefined): Session | Refusal | 'expired' {
    if (!this.originAllowed(origin, host)) return { status: 403, message: `origin not allowed: ${origin ?? '(none)'}` };
    const sid = url.searchParams.get('sid') ?? '';
    const csrf = url.searchParams.get('csrf') ?? '';
    if (!sid || !csrf) return { status: 403, message: 'missing session id or CSRF token' };
    const s = this.sessions.claim(sid, csrf);
    if (s) return s;
    return this.sessions.get(sid) ? { status: 403, message: 'CSRF token does not match' } : 'expired';
  }

  private originAllowed(origin: string | undefined, host: string | undefined): boolean {
    if (!origin) return false;
    if (this.opts.origins?.includes(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /**
   * Bind an accepted socket to its session. The first frame must be the ClientHello; a session that
   * expired answers with an error that tells the client to reload.
   */
  connect(target: Session | 'expired', transport: Transport): Connection {
    if (target === 'expired') {
      transport.send(encodeError(ErrorCode.SessionExpired, 'session expired', true));
      transport.close(1008, 'session expired');
      return { receive() {}, closed() {} };
    }
    const session = target;
    let hello = false;
    return {
      receive: (bytes) => {
        if (hello) {
          session.receive(bytes);
          return;
        }
        const r = decodeClientFrame(bytes, this.sessions.options.clientLimits);
        if (!r.ok || r.value?.type !== FrameType.ClientHello || r.value.sessionId !== session.id) {
          transport.send(encodeError(ErrorCode.BadFrame, r.ok ? 'expected a ClientHello for this session' : r.message));
          transport.close(1002, 'bad handshake');
          return;
        }
        hello = session.attach(transport, r.value);
      },
      closed: () => session.detach(transport),
    };
  }

  /** Graceful shutdown of every session. */
  close(graceMs?: number, restart = false): Promise<void> {
    return restart ? this.sessions.shutdown(graceMs, CloseCode.Restart, 'server restarting') : this.sessions.shutdown(graceMs);
  }
}

/** Create an app. */
/** `head` with `fallback` as its title when it has none (a 404 or 500 page without `meta`). */
function withTitle(head: HeadInput | undefined, fallback: string): HeadInput {
  return { ...head, title: head?.title ?? fallback };
}

/** The head of the not-found page for `pathname`: its `meta` (and its layouts'), else "Not found". */
function notFoundHead(router: Router | undefined, pathname: string): HeadInput {
  return withTitle(router?.notFoundFor(pathname)?.head(), 'Not found');
}

/** Queue a title change for a session's page when `title` differs from the one it shows. */
function setTitle(session: Session, title: string | undefined, ops: Patch[]): void {
  if (title === undefined || title === session.data.get(TITLE_KEY)) return;
  session.data.set(TITLE_KEY, title);
  ops.push({ op: Op.Dispatch, hid: 0, name: 'vango:title', detail: JSON.stringify(title) });
}

/** What a dev hot update did. */
export interface HotUpdateResult {
  /** Sessions updated. */
  sessions: number;
  /** Component instances switched to new code. */
  swapped: number;
}

/**
 * Dev hot reload: serve `routeTable` from now on, and switch every live session's mounted components
 * to their newest versions (by identity, see HotRegistry), re-rendering each session once. State is
 * kept where the signal layout allows (see docs/hot-reload.md).
 */
export function hotUpdate(app: App, routeTable: RouteTable | undefined, latest: (type: Component) => Component | undefined): HotUpdateResult {
  if (routeTable) {
    const router = createRouter(routeTable, app.routerOptions);
    app.router = router;
    for (const s of app.sessions.all()) {
      const outlet = s.data.get(OUTLET_KEY) as { router: Router } | undefined;
      if (outlet) outlet.router = router;
    }
  }
  let sessions = 0;
  let swapped = 0;
  for (const s of app.sessions.all()) {
    if (s.state === 'closed') continue;
    sessions++;
    swapped += s.run(() => s.root.hotSwap(latest));
    // A page's meta may have changed too: its title goes out with the re-render.
    const outlet = s.data.get(OUTLET_KEY) as OutletState | undefined;
    const m = outlet && app.router?.match(outlet.url.pathname);
    const title: Patch[] = [];
    setTitle(s, m?.kind === 'route' ? m.head(m.params).title : undefined, title);
    if (title.length > 0) s.flush(true, title);
  }
  return { sessions, swapped };
}

export function createApp(opts: AppOptions = {}): App {
  return new App(opts);
}

export type { Child };
export { navigateSession, RouterOutlet, type NavigationResult } from './outlet.ts';
