/**
 * The live client: one socket to one session, patches in, events out.
 *
 * Seqs: Patches frames apply in order and are acked in batches. A gap asks for the missed frames
 * (ResyncRequest with the last applied seq); a frame that fails to decode or apply asks for the whole
 * tree (lastSeq = MAX_SAFE_INTEGER, which no replay history reaches: a replay would bring back the
 * frame that failed). Events are numbered by one counter for the page's lifetime, so an answer's `eventSeq` never
 * matches an event of another connection. Events made while the socket is down, or while the DOM is
 * behind the server, wait in a bounded queue.
 *
 * Written for size (the whole client has an 8 KB gzip budget): closures, short locals, numeric ops.
 */
import {
  decodeServerFrame, encodeAck, encodeClientHello, encodeEvent, encodePing, encodePong, encodeResyncRequest,
  PROTOCOL_VERSION,
} from '../runtime/protocol/client.ts';
import type { PatchesFrame, ResyncFullFrame, WireEvent } from '../runtime/protocol/client.ts';
import { applyPatch, build, type ApplyHost } from './apply.ts';
import { backoff } from './backoff.ts';
import { caps } from './caps.ts';
import { hookDefs, hookEvent, hookUpdated, mountHook, sweepHooks, type Hook } from './hooks.ts';
import { json } from './json.ts';
import { NodeMap } from './nodes.ts';
import { optimistic, revert } from './optimistic.ts';
import { parseSpec, type Mods } from './spec.ts';
import { wireEvent } from './wire-event.ts';

/** The page's boot data (`#vango-boot`). */
export interface Boot {
  sid: string;
  csrf: string;
  /** Socket path (same origin). */
  ws: string;
}

export interface ClientOptions {
  /** The live root container (`#vango-root`), holding the server-rendered DOM. */
  root: Element;
  boot: Boot;
  /** WebSocket constructor; tests pass a fake. */
  WS?: new (url: string) => WebSocket;
}

/** What `start` returns: `window.Vango`. */
export interface Vango {
  hooks: { register(name: string, hook: Hook): void };
}

const MAX = 2 ** 53 - 1;
/** sessionStorage keys: the tab's session, and the reload-loop guard. */
export const SESSION_KEY = 'vango:session';
const RELOADS = 'vango:reloads';
/** Connection states, shown as `vango-<state>` on `<html>`. */
export const STATES = ['connecting', 'connected', 'reconnecting', 'disconnected'];
/**
 * Event kinds a full queue drops first, as a bitset: input (4), mousemove (13), pointermove (20),
 * scroll (26), wheel (27), touchmove (29). A later one says the same.
 */
const LOSSY = 0x2c102010;

/** sessionStorage get, or set when `v` is given ('' clears); it throws when storage is disabled. */
const store = (k: string, v?: string): string | null | void => {
  try {
    return v === undefined ? sessionStorage.getItem(k) : sessionStorage.setItem(k, v);
  } catch {}
};
const here = () => location.pathname + location.search;

/** Start the client on a server-rendered root. */
export function start({ root, boot, WS = WebSocket }: ClientOptions): Vango {
  let map = new NodeMap(root);
  map.walk(root, 1);
  /** Run after the current frame is applied: the scroll a navigation asked for. */
  let after: any;
  /** The scroll to restore once the server answers a back/forward navigation. */
  let back: any;
  /** The page's path + query as the server last confirmed it. */
  let cur = here();
  // The history changes only when the server confirms a navigation. A push first records the leaving
  // entry's scroll (the op comes before the page's patches), then the new page starts at the top or at
  // its #hash target; a replace answering back/forward restores the entry's saved scroll.
  const host: ApplyHost = {
    url: (u, r) => {
      const h = history;
      if (r) h.replaceState(h.state, '', u), (after = back);
      else {
        h.replaceState({ y: scrollY }, '');
        h.pushState(null, '', u);
        after = () => {
          const t = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
          t ? t.scrollIntoView() : scrollTo(0, 0);
        };
      }
      back = 0;
      cur = here();
      pre.clear();
    },
    hookEvent,
  };
  const go = (path: string, replace: boolean) => emit({ kind: 33, hid: 0, path, replace });
  const push = (el: any, name: string, payload: string) => emit({ kind: 32, hid: el.$h, name, payload });
  const on = new Set<string>();
  let ws: WebSocket | undefined;
  /** The seq the DOM must reach before events may be sent (MAX until the ServerHello says). */
  let need = MAX;
  /** Last applied Patches seq. */
  let last = 0;
  /** 1: a gap, waiting for the replay; 2: waiting for a full resync (frames are dropped until it comes). */
  let gap = 0;
  let es = 0;
  /** Failed attempts in a row (reset after a stable connection). */
  let n = 0;
  let stopped: any = 0;
  let state = -1;
  let q: [number, WireEvent][] = [];
  let rt: any, pt: any, st: any, at: any;

  // A reload gets a fresh SSR page and session. The tab's own session is tried first, with a full
  // resync since this DOM is the new page's; the page's session is the fallback. Only on the same
  // URL: a full navigation to another page must show that page.
  let sess: Boot = boot;
  let fallback: any;
  const saved = json(store(SESSION_KEY) as string);
  if (saved && saved.sid !== boot.sid && saved.path === here()) (sess = saved), (fallback = boot), (gap = 2);

  const status = (i: number) => {
    if (i === state) return;
    state = i;
    const c = document.documentElement.classList;
    STATES.forEach((s, j) => c.toggle('vango-' + s, i === j));
    document.dispatchEvent(new CustomEvent('vango:status', { detail: STATES[i] }));
  };

  const send = (b: Uint8Array) => ws?.readyState === 1 && (ws.send(b), beat(), 1);

  // Ping after 25 s of silence (keeps proxies from closing an idle socket).
  const beat = () => {
    clearTimeout(pt);
    pt = setTimeout(() => send(encodePing(Date.now())), 25e3);
  };

  const connect = () => {
    clearTimeout(rt);
    if (ws || stopped) return;
    status(state > 0 ? 2 : 0);
    const s = (ws = new WS('ws' + location.origin.slice(4) + boot.ws + '?' + new URLSearchParams({ sid: sess.sid, csrf: sess.csrf })));
    s.binaryType = 'arraybuffer';
    s.onopen = () =>
      send(encodeClientHello({
        version: PROTOCOL_VERSION, sessionId: sess.sid, lastSeq: gap > 1 ? MAX : last, csrf: sess.csrf,
        width: innerWidth, height: innerHeight, dpr: devicePixelRatio, caps: caps(),
        tzOffset: new Date().getTimezoneOffset(), locale: navigator.language,
      }));
    s.onmessage = (m) => ws === s && frame(m.data);
    s.onclose = s.onerror = () => ws === s && lost();
  };

  const lost = () => {
    ws?.close();
    ws = undefined;
    need = MAX;
    clearTimeout(st);
    // The tab's old session is gone (refused or expired before its hello): use the page's own.
    if (fallback) return (sess = fallback), (fallback = gap = 0), connect();
    status(stopped ? 3 : 2);
    if (!stopped) rt = setTimeout(connect, backoff(n++));
  };

  const wake = () => !ws && !stopped && ((n = 0), connect());

  // Not twice within 10 s: a server that keeps asking would loop the page.
  const reload = () => {
    stopped = 1;
    if (Date.now() - +store(RELOADS)! > 1e4) store(RELOADS, '' + Date.now()), location.reload();
  };

  /** Ask for the missed frames (1) or the whole tree (2). Events wait until they arrive. */
  const resync = (k: number) => gap < k && ((gap = k), send(encodeResyncRequest(k > 1 ? MAX : last)));

  const ack = () =>
    (at ||= setTimeout(() => {
      at = 0;
      send(encodeAck(last));
      store(SESSION_KEY, JSON.stringify({ sid: sess.sid, csrf: sess.csrf, last, path: here() }));
    }, 20));

  /** Whether events may go out: connected, and the DOM caught up with the server. */
  const ready = () => !gap && last >= need;
  /** Send the queued events once ready. */
  const check = () => {
    if (ready()) for (const [s, w] of q.splice(0)) send(encodeEvent(s, w));
  };

  const listen = (spec: string) => {
    for (const t in parseSpec(spec))
      if (!on.has(t)) on.add(t), root.addEventListener(t, handle), root.addEventListener(t, handle, true);
  };

  /** Listen for every declared event type and mount new hooks (a native query: cheap). */
  const scan = () =>
    root.querySelectorAll('[data-on],[data-hook]').forEach((el) => {
      listen(el.getAttribute('data-on') || '');
      mountHook(el, push);
    });

  const emit = (w: WireEvent, el?: any, type?: string) => {
    const s = ++es;
    // The focused field remembers the last event sent while it had focus (see `patches`).
    Object(document.activeElement).$i = s;
    if (el) optimistic(el, type!, s);
    if (ready() && send(encodeEvent(s, w))) return;
    if (q.push([s, w]) > 64) q.splice(Math.max(0, q.findIndex((x) => (LOSSY >> x[1].kind) & 1)), 1);
  };

  /** Per element and event type state: once, debounce and throttle. */
  const per = (el: any, type: string) => {
    const s = el.$s || (el.$s = {});
    return s[type] || (s[type] = {});
  };

  /**
   * Debounce: send the last event once they stop for `ms`. Throttle: at most one per `ms`, the last one
   * of each window (trailing edge, so the final value of a dragged slider is never lost).
   */
  const rate = (el: any, type: string, w: WireEvent, m: Mods) => {
    const ms = m.debounce || m.throttle;
    if (!ms) return emit(w, el, type);
    const r = per(el, type);
    r.w = w;
    if (m.debounce) clearTimeout(r.t), (r.t = 0);
    r.t ||= setTimeout(() => ((r.t = 0), emit(r.w, el, type)), ms);
  };

  // Delegation. A bubbling event is handled in the bubble phase (after the page's own listeners): it
  // walks from its target up to the root and reaches every element that declared its type, as the DOM
  // would, until one stops propagation. Other events (focus, scroll, mouseenter...) only reach the root
  // in the capture phase and go to their target alone.
  const handle = (e: Event) => {
    const type = e.type;
    if (e.bubbles === e.eventPhase < 2) return;
    for (let el: any = e.target; el && el !== root; el = e.bubbles && el.parentNode) {
      const m = el.$h && parseSpec(el.getAttribute?.('data-on') || '')[type];
      if (!m || (m.self && e.target !== el) || (m.key && !m.key.includes((e as KeyboardEvent).key))) continue;
      if (m.once) {
        const o = per(el, type);
        if (o.o) continue;
        o.o = 1;
      }
      if (m.prevent || type === 'submit') e.preventDefault();
      if (m.stop) e.stopPropagation();
      rate(el, type, wireEvent(e, type, el.$h, el), m);
      if (m.stop) break;
    }
  };

  const patches = (f: PatchesFrame) => {
    if (f.seq <= last || gap > 1) return;
    if (f.seq > last + 1) return resync(1);
    gap = 0;
    // The server's answer lands on a DOM without the guesses it answers.
    revert(f.eventSeq);
    let fresh: any;
    const touched = new Set<Element>();
    try {
      for (const p of f.patches) {
        const t: any = 'hid' in p && map.get(p.hid);
        const op = p.op;
        // The server has not seen the latest keystrokes in the focused field: its value is stale.
        if (op === 4 && p.name === 'value' && t === document.activeElement && t.$i > f.eventSeq) continue;
        applyPatch(p, map, host);
        // Insert, Replace, Listen: new events to listen to, hooks to mount.
        if (op === 5 || op === 8 || op === 9) fresh = 1;
        else touched.add(t); // hookUpdated ignores elements without a hook
      }
    } catch (e) {
      console.error(e);
      return resync(2);
    }
    last = f.seq;
    after &&= after();
    sweepHooks();
    if (fresh) scan();
    touched.forEach(hookUpdated);
    ack();
    check();
  };

  const full = (f: ResyncFullFrame) => {
    revert(MAX);
    // Only nodes under the root carry a hid. (The window keeps its scroll: nothing lays out in between.)
    const a: any = document.activeElement;
    const nodes: Node[] = [];
    map = new NodeMap(root);
    f.nodes.reduce((i, w) => build(document, w, map, i, nodes, null), 1);
    root.replaceChildren(...nodes);
    sweepHooks();
    scan();
    // Keep the user's place: the node at the same position gets focus and selection back.
    const b: any = map.get(a?.$h);
    if (b?.tagName === a.tagName) {
      b.focus({ preventScroll: true });
      if (a.selectionStart != null) b.setSelectionRange(a.selectionStart, a.selectionEnd);
    }
    last = f.seq;
    gap = 0;
    // Queued events name hids of the replaced DOM.
    q = [];
    ack();
    check();
  };

  const frame = (data: ArrayBuffer) => {
    beat();
    const r = decodeServerFrame(data);
    if (!r.ok) return console.error(r), resync(2);
    const f = r.value;
    switch (f?.type) {
      case 2: // ServerHello
        fallback = 0;
        status(1);
        ack();
        st = setTimeout(() => (n = 0), 5e3);
        need = f.nextSeq - 1;
        if (gap < 2) gap = 0; // the server replays from our lastSeq
        return check();
      case 4:
        return patches(f);
      case 9:
        return full(f);
      case 6:
        return send(encodePong(f.time));
      case 10: // Close
        if (!fallback) {
          if (f.code === 4) return store(SESSION_KEY, ''), reload(); // SessionExpired
          if (f.code !== 5) stopped = 1; // anything but Restart: the session is over here
        }
        return lost();
      case 11: // Error
        console.error(f);
        revert(MAX);
        if (f.reload && !fallback) {
          if (f.code === 6) store(SESSION_KEY, '');
          reload();
        }
    }
  };

  // Live navigation: a same-origin link inside the root that a plain click would follow is asked of
  // the server instead (on `document`, so the page's own handlers run first and may prevent it).
  // Without a connection links work as links.
  /** The link under `e` that live navigation would follow (`s`: its selector), if any. */
  const link = (e: Event, s: string) => {
    const a: any = (e.target as Element).closest?.(s);
    return state === 1 && a && root.contains(a) && a.origin === location.origin &&
      (!a.target || a.target === '_self') && !a.hasAttribute('download') && !a.hasAttribute('data-vango-reload') && a;
  };
  document.addEventListener('click', (e) => {
    const a = link(e, 'a[href]');
    if (
      a && !e.defaultPrevented && !e.button && !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) &&
      // An anchor on this page: the browser scrolls to it.
      !(a.hash && a.pathname + a.search === here())
    ) e.preventDefault(), go(a.pathname + a.search + a.hash, false);
  });
  // <Link prefetch>: the first hover or focus asks the server to prepare the page (once per path and
  // page; a hint, so it is not queued while the socket is busy or down).
  const pre = new Set();
  const hint = (e: Event) => {
    const a = link(e, 'a[data-prefetch]');
    const p = a && a.pathname + a.search;
    p && p !== here() && !pre.has(p) && pre.add(p) && send(encodeEvent(++es, { kind: 34, hid: 0, name: 'vango:prefetch', payload: p }));
  };
  document.addEventListener('pointerover', hint);
  document.addEventListener('focusin', hint);
  addEventListener('popstate', (e) => {
    // Only the #hash changed: the browser's own scroll, same page.
    if (here() === cur) return;
    const y = e.state?.y;
    back = () => scrollTo(0, y || 0);
    // Offline, the page is loaded for the entry's URL.
    state === 1 ? go(location.pathname + location.search + location.hash, true) : location.reload();
  });
  // The server's Dispatch ops on the root (hid 0), bubbling here: a full navigation, a new title.
  document.addEventListener('vango:navigate', (e: any) => location.assign(e.detail));
  document.addEventListener('vango:title', (e: any) => (document.title = e.detail));
  addEventListener('online', wake);
  document.addEventListener('visibilitychange', () => document.hidden || wake());
  scan();
  connect();

  return {
    hooks: {
      register(name, hook) {
        hookDefs[name] = hook;
        scan();
      },
    },
  };
}
