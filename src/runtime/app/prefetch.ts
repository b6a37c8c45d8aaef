/**
 * Page prefetch for a routed session (`<Link prefetch>`): on a hint from the client, render the page a
 * path leads to ahead of time, detached and with its effects held, so the navigation that usually
 * follows adopts it instead of rendering it again.
 *
 * Bounds: one prepared page per session, dropped after `prefetchTtl`, on any other event, after the
 * next navigation and when the session closes. Only routes without middleware are prepared: middleware
 * decides who may see a page (auth) and may have side effects, and it runs on the navigation itself,
 * never on a hover. Anything else (no match, a redirect, an API route, the current page, a render that
 * throws) prepares nothing.
 */
import { pageKey } from '../router/render.ts';
import { Prerender } from '../vdom/prerender.ts';
import { OUTLET_KEY, type OutletState } from './outlet.ts';
import type { Prefetcher, Session } from './session.ts';

/** The page a session prepared, in `session.data`. */
export const PREFETCH_KEY = 'vango:prefetched';

interface Prepared {
  /** Path + query of the page it renders. */
  readonly path: string;
  readonly page: Prerender;
  readonly timer: ReturnType<typeof setTimeout>;
}

const pathOf = (u: URL): string => u.pathname + u.search;

/**
 * The prefetcher of a routed session. `ttl` in ms; `report` gets why a prefetch prepared nothing when
 * it failed (pass it in dev only: in production a failed prefetch is silent).
 */
export function createPrefetcher(session: Session, ttl: number, report?: (err: unknown, path: string) => void): Prefetcher {
  return {
    prefetch(path) {
      dropPrepared(session);
      const state = session.data.get(OUTLET_KEY) as OutletState | undefined;
      if (!state) return;
      let url: URL;
      try {
        url = new URL(path, state.url);
      } catch {
        return;
      }
      if (url.origin !== state.url.origin || pathOf(url) === pathOf(state.url)) return;
      const m = state.router.match(url.pathname);
      if (!m || m.kind === 'redirect' || m.route.kind === 'api' || !m.route.page || m.middleware.length > 0) return;
      let page: Prerender;
      try {
        const node = m.render(m.params, { locals: new Map<string, unknown>() });
        page = Prerender.render(node, m.route.page, pageKey(m.route.pattern, m.params));
      } catch (err) {
        report?.(err, path);
        return;
      }
      const timer = setTimeout(() => dropPrepared(session), ttl);
      (timer as { unref?: () => void }).unref?.();
      session.data.set(PREFETCH_KEY, { path: pathOf(url), page, timer } satisfies Prepared);
    },
    drop() {
      dropPrepared(session);
    },
  };
}

/**
 * For a navigation that reached `url` (after redirects and middleware): the prepared page when it is
 * this URL's, put where the session's next mount of that page takes it. Call just before swapping the
 * outlet's page.
 */
export function offerPrepared(session: Session, url: URL): void {
  const p = session.data.get(PREFETCH_KEY) as Prepared | undefined;
  if (p && p.path === pathOf(url) && p.page.pending) session.root.prepared = p.page;
}

/** Forget the prepared page (disposing it unless it was adopted). */
export function dropPrepared(session: Session): void {
  const p = session.data.get(PREFETCH_KEY) as Prepared | undefined;
  if (!p) return;
  session.data.delete(PREFETCH_KEY);
  clearTimeout(p.timer);
  if (session.root.prepared === p.page) session.root.prepared = undefined;
  p.page.drop();
}
