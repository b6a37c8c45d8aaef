/**
 * Route metadata: the `meta` export of a page (and of layouts) becomes the document head.
 */
import type { HeadInput, MetaTag } from '../render/head.ts';

/** A page's or layout's `meta` export; functions get the route's coerced params. */
export interface RouteMeta<P = any> {
  title?: string | ((params: P) => string);
  meta?: readonly MetaTag[] | ((params: P) => readonly MetaTag[]);
}

/**
 * The head entries of a chain of `meta` exports (outermost layout first, the page last): later titles
 * win, meta tags accumulate (the head collector deduplicates them by name/property).
 */
export function resolveMeta(metas: readonly (RouteMeta | undefined)[], params: Record<string, unknown>): HeadInput {
  const out: HeadInput = {};
  for (const m of metas) {
    if (!m) continue;
    if (m.title !== undefined) out.title = typeof m.title === 'function' ? m.title(params) : m.title;
    if (m.meta !== undefined) {
      const tags = typeof m.meta === 'function' ? m.meta(params) : m.meta;
      out.meta = [...(out.meta ?? []), ...tags];
    }
  }
  return out;
}
