/**
 * What the dev server reports. The same events feed the terminal (ink dashboard or plain log lines)
 * and, for the browser-facing subset, the dev overlay over Server-Sent Events at {@link DEV_EVENTS_PATH}.
 */
import type { Diagnostic } from '../toolchain/diagnostics.ts';

/** Server-Sent Events stream the dev script in the page listens to. */
export const DEV_EVENTS_PATH = '/_vango/dev/events';
/** The dev script (overlay, stylesheet swap, console messages). */
export const DEV_SCRIPT_PATH = '/_vango/dev/client.js';
/** The app's client hooks (`app/hooks.ts`), bundled on request. */
export const DEV_HOOKS_PATH = '/_vango/dev/hooks.js';
/** `GET ?file=<abs path>&line=<n>&column=<n>`: opens the file in the editor ($VANGO_EDITOR, $EDITOR, `code -g`). */
export const DEV_OPEN_PATH = '/_vango/dev/open';

/**
 * A problem with a place in the user's source: a compile error or a source-mapped runtime error. The
 * location fields are a Diagnostic's (message, file, absFile, line, column, frame; '' and 0 when
 * unknown).
 */
export interface DevProblem extends Diagnostic {
  /** 'build': syntax/import error, the last good build keeps running. 'runtime': thrown by app code. */
  kind: 'build' | 'runtime';
  /** Source-mapped stack (runtime errors). */
  stack?: string;
  /** Where it happened: "click handler", "render of <Counter>", "module evaluation". */
  where?: string;
}

export type DevEvent =
  /** The server listens. `ms`: time from `vango dev` start. */
  | { type: 'ready'; url: string; ms: number }
  /** A change was applied. `what`: 'hot' (components swapped), 'css', 'routes' (table regenerated), 'full' (page reload). */
  | { type: 'update'; files: string[]; what: 'hot' | 'css' | 'routes' | 'full'; ms: number }
  /** A stylesheet changed; `href` is its URL path. */
  | { type: 'css'; href: string }
  /** Show the overlay. */
  | { type: 'problem'; problem: DevProblem }
  /** The problem is gone (next good save). */
  | { type: 'clear' }
  /** A component lost its state on hot reload. */
  | { type: 'reset'; component: string; file: string; reason: string }
  /** A likely mistake in app code, with the fix. */
  | { type: 'warn'; message: string; component?: string }
  /** Open live sessions. */
  | { type: 'sessions'; count: number }
  /** The server is restarting (config changed); the browser will reconnect by itself. */
  | { type: 'restart'; reason: string }
  /** Ask every page to reload (used when a hot swap is impossible). */
  | { type: 'reload'; reason: string };

/** The events the browser's dev script receives. */
export type BrowserDevEvent = Extract<DevEvent, { type: 'css' | 'problem' | 'clear' | 'reset' | 'warn' | 'restart' | 'reload' }>;

export function isBrowserEvent(e: DevEvent): e is BrowserDevEvent {
  return e.type === 'css' || e.type === 'problem' || e.type === 'clear' || e.type === 'reset' || e.type === 'warn' || e.type === 'restart' || e.type === 'reload';
}
