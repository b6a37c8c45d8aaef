/**
 * The router outlet: one stable component at the top of a routed session that renders the current
 * page (with its layouts). Navigation swaps the vnode in its signal; the diff keeps the layouts that
 * the old and the new page share, so they stay mounted and keep their state.
 */
import { signal, type Signal } from '../reactive/index.ts';
import type { HeadInput } from '../render/head.ts';
import { runMiddleware } from '../router/middleware.ts';
import type { Router } from '../router/table.ts';
import { h } from '../vdom/h.ts';
import type { Child, Component, VNode } from '../vdom/vnode.ts';
import { offerPrepared } from './prefetch.ts';
import type { Session } from './session.ts';

/** Where a session keeps its outlet (`session.data`). */
export const OUTLET_KEY = 'vango:router-outlet';

/** A routed session's navigation state. */
export interface OutletState {
  readonly current: Signal<Child>;
  /** Replaced by a dev hot update when the route table changes. */
  router: Router;
  /** The page's URL (updated by navigation). */
  url: URL;
  /** Headers of the request that opened the session: middleware sees them on navigation (cookies, auth). */
  readonly headers: Headers;
  /** Rendered when no `_404` applies. */
  readonly notFound: Component;
}

/** Renders whatever page the session is on. */
export function RouterOutlet(props: { state: OutletState }): Child {
  return props.state.current.get();
}

/** A new outlet state showing `first`. */
export function createOutlet(router: Router, url: URL, headers: Headers, notFound: Component, first: Child): OutletState {
  return { current: signal<Child>(first), router, url, headers: new Headers(headers), notFound };
}

/** The vnode to mount for an outlet. */
export function outletNode(state: OutletState): VNode {
  return h(RouterOutlet, { state });
}

/** The not-found page for a path: the nearest `_404` inside its layouts, or the default. */
export function notFoundNode(router: Router, notFound: Component, pathname: string): VNode {
  const page = router.notFoundFor(pathname);
  return page ? page.render({ pathname }) : h(notFound, { pathname });
}

/** What a navigation ended with. */
export type NavigationResult =
  | { kind: 'page'; url: URL; head: HeadInput }
  | { kind: 'not-found'; url: URL }
  /** The path is not a page (an API route): the browser must load it itself. */
  | { kind: 'document'; url: URL }
  /** A middleware answered with something other than a same-origin redirect, or the redirect left the origin. */
  | { kind: 'response'; url: URL; response: Response };

const MAX_REDIRECTS = 10;

/**
 * Navigate a routed session to `path` (relative to its current URL): match it with the session's
 * router, follow trailing-slash and middleware redirects, and swap the outlet's page (an API route
 * swaps nothing and answers `document`). A page prefetched for this URL is adopted instead of rendered
 * again (see prefetch.ts). The outlet
 * re-renders on the session's next flush (scheduled automatically), so layouts shared by the two
 * pages keep their state. Throws when the session was not opened on a routed page.
 */
export async function navigateSession(session: Session, path: string): Promise<NavigationResult> {
  const state = session.data.get(OUTLET_KEY) as OutletState | undefined;
  if (!state) throw new Error('navigateSession: this session has no router outlet (was it created by an app with a routeTable?)');
  let url = new URL(path, state.url);
  for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
    if (url.origin !== state.url.origin) return { kind: 'response', url, response: new Response(null, { status: 302, headers: { location: url.href } }) };
    const m = state.router.match(url.pathname);
    if (m?.kind === 'redirect') {
      url = new URL(m.location + url.search, url);
      continue;
    }
    if (m?.route.kind === 'api') return { kind: 'document', url };
    if (!m) {
      state.url = url;
      state.current.set(notFoundNode(state.router, state.notFound, url.pathname));
      return { kind: 'not-found', url };
    }
    const ctx = { request: new Request(url, { headers: state.headers }), url, params: m.params, locals: new Map<string, unknown>() };
    const early = await runMiddleware(m.middleware, ctx, async () => undefined);
    if (early) {
      const location = early.headers.get('location');
      if (early.status >= 300 && early.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      return { kind: 'response', url, response: early };
    }
    const head = m.head();
    state.url = url;
    offerPrepared(session, url);
    state.current.set(m.render(m.params, { locals: ctx.locals }));
    return { kind: 'page', url, head };
  }
  throw new Error(`navigateSession: more than ${MAX_REDIRECTS} redirects from ${path}`);
}
