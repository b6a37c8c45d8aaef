/**
 * The browser half of `vango dev`: listens to the dev server's event stream and shows problems in an
 * overlay, swaps stylesheets, reports state resets in the console and reloads when asked. Separate from
 * the thin client (which has a size budget) and only ever served by the dev server.
 */
import { DEV_EVENTS_PATH, DEV_OPEN_PATH, type BrowserDevEvent, type DevProblem } from '../events.ts';
import { componentTag } from './names.ts';
import { swapStylesheet } from './css-swap.ts';
import { hideOverlay, showOverlay } from './overlay.ts';

/** Everything the dev client touches, injectable for tests. */
export interface DevClientEnv {
  window: Window;
  EventSource: new (url: string) => EventSource;
  fetch: (url: string) => Promise<unknown>;
  console: Pick<Console, 'warn' | 'info' | 'error'>;
  now?: () => number;
  /** Delay before recreating a stream the browser gave up on (ms). */
  retryMs?: number;
}

export interface DevClient {
  /** Applies one event (the stream calls this; exposed for tests and debugging). */
  handle(e: BrowserDevEvent): void;
  close(): void;
}

const TYPES: readonly BrowserDevEvent['type'][] = ['css', 'problem', 'clear', 'reset', 'warn', 'restart', 'reload'];

export function openUrl(p: Pick<DevProblem, 'absFile' | 'line' | 'column'>): string {
  const q = new URLSearchParams({ file: p.absFile, line: String(p.line), column: String(p.column) });
  return `${DEV_OPEN_PATH}?${q}`;
}

export function startDevClient(env: DevClientEnv): DevClient {
  const { window: win, console: log } = env;
  const doc = win.document;
  const now = env.now ?? (() => Date.now());
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  /** The server said it restarts: once the stream is back, the new server is up. */
  let restarting = false;

  const open = (p: DevProblem): void => {
    env.fetch(openUrl(p)).catch((err: unknown) => log.warn('[vango] could not open the editor:', err));
  };

  const onKeyDown = (ev: KeyboardEvent): void => {
    if (ev.key === 'Escape') hideOverlay(doc);
  };

  const handle = (e: BrowserDevEvent): void => {
    switch (e.type) {
      case 'problem':
        showOverlay(doc, e.problem, { open });
        return;
      case 'clear':
        hideOverlay(doc);
        return;
      case 'css':
        swapStylesheet(doc, e.href, now());
        return;
      case 'reset':
        log.warn(`[vango] ${componentTag(e.component)} lost its state on hot reload (${e.file}): ${e.reason}`);
        return;
      case 'warn':
        log.warn(e.component ? `[vango] ${componentTag(e.component)}: ${e.message}` : `[vango] ${e.message}`);
        return;
      case 'restart':
        // The new server has no session for this page: the live client would find out after its
        // reconnect backoff and reload. The event stream reconnects within half a second, so reload then.
        restarting = true;
        log.info(`[vango] dev server restarting: ${e.reason}`);
        return;
      case 'reload':
        win.location.reload();
        return;
    }
  };

  const onMessage = (m: MessageEvent): void => {
    let e: BrowserDevEvent;
    try {
      e = JSON.parse(String(m.data)) as BrowserDevEvent;
    } catch {
      return;
    }
    if (e && typeof e === 'object' && TYPES.includes(e.type)) handle(e);
  };

  const connect = (): void => {
    if (closed) return;
    const es = new env.EventSource(DEV_EVENTS_PATH);
    source = es;
    // Unnamed events arrive as 'message'; named ones ("event: problem") under their type.
    es.addEventListener('message', onMessage);
    es.addEventListener('open', () => {
      if (restarting) win.location.reload();
    });
    for (const t of TYPES) es.addEventListener(t, onMessage as EventListener);
    es.addEventListener('error', () => {
      // EventSource retries network errors itself; it only gives up (CLOSED) on a bad response, which
      // happens while the server restarts. Then start over after a pause.
      if (es.readyState !== 2 || closed) return;
      es.close();
      retry = setTimeout(connect, env.retryMs ?? 1000);
    });
  };

  win.addEventListener('keydown', onKeyDown);
  connect();
  return {
    handle,
    close() {
      closed = true;
      clearTimeout(retry);
      source?.close();
      win.removeEventListener('keydown', onKeyDown);
      hideOverlay(doc);
    },
  };
}
