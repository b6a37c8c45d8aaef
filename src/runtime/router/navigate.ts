/**
 * Types for server-side navigation (`navigate(path, opts)` from an event handler). The app server
 * implements it: match the path, run middleware, re-render the session's root with the new match and
 * tell the client to update its URL.
 */

export interface NavigateOptions {
  /** Replace the current history entry instead of pushing a new one. */
  replace?: boolean;
}

/** What a handler calls to move its session to another URL (a path from `href()`, query string allowed). */
export type Navigate = (path: string, opts?: NavigateOptions) => void;
