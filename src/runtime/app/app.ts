/**
 * The app: turns requests into pages and sockets into live sessions. Isomorphic: it speaks standard
 * `Request`/`Response` and takes any `Transport`, so the Node adapter, a browser worker (PWA) and
 * JavaScriptCore (iOS) host the same object.
 */
import { ErrorCode } from '../protocol/codes.ts';
import { decodeClientFrame } from '../protocol/decode-c2s.ts';
import { encodeError } from '../protocol/encode-s2c.ts';
import { FrameType } from '../protocol/frames.ts';
import { HeadCollector, renderDocument, renderMounted, runWithHead } from '../render/index.ts';
import { h } from '../vdom/h.ts';
import type { Child, Component } from '../vdom/vnode.ts';
import { SessionManager, type ManagerInit } from './manager.ts';
import type { Session } from './session.ts';
import type { Transport } from './transport.ts';

/** What a request resolved to: a page component with its props, or a ready response. */
export type Resolution = { page: Component; props?: Record<string, unknown>; status?: number } | Response;

/** Maps a request to a page; the file router provides one, `routes` is the exact-path shorthand. */
export type Resolver = (url: URL, request: Request) => Resolution | undefined | Promise<Resolution | undefined>;

export interface AppOptions {
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

export class App {
  readonly sessions: SessionManager;
  readonly clientPath: string;
  readonly socketPath: string;
  private readonly opts: AppOptions;

  constructor(opts: AppOptions = {}) {
    this.opts = opts;
    this.sessions = new SessionManager(opts.sessions);
    this.clientPath = opts.clientPath ?? '/_vango/client.js';
    this.socketPath = opts.socketPath ?? '/_vango/ws';
  }

  private async resolve(url: URL, request: Request): Promise<Resolution | undefined> {
    if (this.opts.resolve) return this.opts.resolve(url, request);
    const page = this.opts.routes?.[url.pathname];
    return page ? { page } : undefined;
  }

  /** Serve a page: resolve it, mount it in a new session, and answer with the full document. */
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const r = await this.resolve(url, request);
    if (r instanceof Response) return r;
    const match = r ?? { page: this.opts.notFound ?? DefaultNotFound, status: 404 };
    let session: Session;
    try {
      session = this.sessions.create();
    } catch (err) {
      return new Response('Service Unavailable: too many sessions', { status: 503, headers: { 'retry-after': '5' } });
    }
    const head = new HeadCollector();
    let body: string;
    try {
      runWithHead(head, () => session.mount(h(match.page, match.props ?? {})));
      body = renderMounted(session.root.top!);
    } catch (err) {
      session.close();
      this.sessions.report(err, session, `render of ${url.pathname}`);
      return new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const html = renderDocument({
      body,
      head: { ...head.data(), link: [...(this.opts.stylesheets ?? []).map((href) => ({ rel: 'stylesheet', href })), ...head.data().link] },
      lang: this.opts.lang,
      inlineData: { sid: session.id, csrf: session.csrf, ws: this.socketPath },
      scripts: [{ src: this.clientPath, defer: true }],
    });
    return new Response(request.method === 'HEAD' ? null : html, {
      status: match.status ?? 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      },
    });
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
  close(graceMs?: number): Promise<void> {
    return this.sessions.shutdown(graceMs);
  }
}

/** Create an app. */
export function createApp(opts: AppOptions = {}): App {
  return new App(opts);
}

export type { Child };
