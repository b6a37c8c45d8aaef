/**
 * Composing a page with its layouts into one vnode. A plain function of its inputs: the server calls it
 * on the first render and again on every navigation, and the diff keeps what did not change.
 */
import { h } from '../vdom/h.ts';
import type { Child, Component, Props, VNode } from '../vdom/vnode.ts';

/** Props every layout gets: the route's params and the page (or the next layout) as children. */
export interface LayoutProps<P = Record<string, unknown>> {
  params: P;
  children?: Child;
}

/**
 * `h(Layout1, { params, children: h(Layout2, { params, children: h(Page, { params }) }) })`, outermost
 * layout first. `extra` props go to the page and to every layout.
 *
 * Layouts are not keyed, so a layout that is the same component before and after a navigation stays
 * mounted and keeps its state. The page is keyed by `key`: another route or other params mount a
 * fresh page (its state belongs to its URL), the same URL re-renders it in place.
 */
export function composePage(page: Component, layouts: readonly Component[], params: Record<string, unknown>, extra: Props | undefined, key: string | undefined): VNode {
  let node: VNode = h(page, key === undefined ? { ...extra, params } : { ...extra, params, key });
  for (let i = layouts.length - 1; i >= 0; i--) node = h(layouts[i]!, { ...extra, params, children: node });
  return node;
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(text).join('/');
  if (v instanceof Date) return v.toISOString();
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** The page key for a route and its params: equal exactly when the page shows the same thing. */
export function pageKey(pattern: string, params: Record<string, unknown>): string {
  let k = pattern;
  for (const name in params) k += `\u0000${name}=${text(params[name])}`;
  return k;
}
