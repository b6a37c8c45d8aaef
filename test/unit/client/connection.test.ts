// @vitest-environment happy-dom
/**
 * The client's connection logic against a fake socket: handshake, seqs and acks, gaps and resyncs, the
 * event queue, reconnects, the tab's session, and the server's Error and Close frames.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../../../src/client/client.ts';
import { revert } from '../../../src/client/optimistic.ts';
import { CloseCode, ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { encodeClose, encodeError, encodePing, encodeResyncFull } from '../../../src/runtime/protocol/encode-s2c.ts';
import { EventKind } from '../../../src/runtime/protocol/events.ts';
import { FrameType, type AckFrame, type ClientHello, type ResyncRequestFrame } from '../../../src/runtime/protocol/frames.ts';
import { Op, type WireNode } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { BOOT, boot, eventsOf, fakeWS, hello, page, patches, typesOf } from './fake.ts';
import { start } from '../../../src/client/client.ts';

const MAX = Number.MAX_SAFE_INTEGER;
// <main><h1>Count: 0</h1><button data-hid="4" data-on="click">+</button></main>: main 1, h1 2, text 3, button 4, text 5.
const COUNTER = '<main><h1>Count: 0</h1><button data-hid="4" data-on="click">+</button></main>';
const el = (tag: string, attrs: [string, string][], ...children: WireNode[]): WireNode => ({ kind: Kind.Element, tag, attrs, children });
const txt = (text: string): WireNode => ({ kind: Kind.Text, text });
const classes = () => [...document.documentElement.classList].filter((c) => c.startsWith('vango-'));

let statuses: string[] = [];
const onStatus = (e: Event) => statuses.push((e as CustomEvent).detail);

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  statuses = [];
  document.addEventListener('vango:status', onStatus);
});
afterEach(() => {
  document.removeEventListener('vango:status', onStatus);
  revert(MAX);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('handshake and status', () => {
  it('opens the socket of the boot session and says hello', () => {
    const root = page(COUNTER);
    const ws = fakeWS();
    start({ root, boot: BOOT, WS: ws.WS });
    const s = ws.last();
    expect(s.url).toBe('ws://localhost:3000/_vango/ws?sid=sid-1&csrf=tok-1');
    expect(classes()).toEqual(['vango-connecting']);
    s.open();
    expect(s.binaryType).toBe('arraybuffer');
    const h = s.frames()[0] as ClientHello;
    expect(h).toMatchObject({
      type: FrameType.ClientHello, version: { major: 1, minor: 0 }, sessionId: 'sid-1', lastSeq: 0, csrf: 'tok-1',
      width: innerWidth, height: innerHeight, dpr: devicePixelRatio, tzOffset: new Date().getTimezoneOffset(), locale: navigator.language,
    });
    expect(h.caps & ~7).toBe(0);
    s.recv(hello(1));
    expect(classes()).toEqual(['vango-connected']);
    expect(statuses).toEqual(['connecting', 'connected']);
  });

  it('stores the tab session once connected', () => {
    boot(COUNTER);
    vi.advanceTimersByTime(30);
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!)).toMatchObject({ sid: 'sid-1', csrf: 'tok-1', last: 0, path: '/' });
  });

  it('answers a Ping with a Pong carrying the same time, and pings after 25 s of silence', () => {
    const { ws } = boot(COUNTER);
    const s = ws.last();
    s.recv(encodePing(12.5));
    expect(s.frames().at(-1)).toEqual({ type: FrameType.Pong, time: 12.5 });
    vi.advanceTimersByTime(30); // the ack of the hello
    const n = s.sent.length;
    vi.advanceTimersByTime(24_000);
    expect(s.sent.length).toBe(n);
    vi.advanceTimersByTime(1_500);
    expect(s.frames().at(-1)?.type).toBe(FrameType.Ping);
  });
});

describe('patches, acks and resyncs', () => {
  it('applies frames in order and acks a burst once', () => {
    const { ws, root } = boot(COUNTER);
    const s = ws.last();
    s.recv(patches(1, [{ op: Op.SetText, hid: 3, text: 'Count: 1' }]));
    s.recv(patches(2, [{ op: Op.SetText, hid: 3, text: 'Count: 2' }]));
    expect(root.querySelector('h1')!.textContent).toBe('Count: 2');
    expect(typesOf(s)).toEqual([FrameType.ClientHello]);
    vi.advanceTimersByTime(25);
    const acks = s.frames().filter((f) => f.type === FrameType.Ack) as AckFrame[];
    expect(acks).toEqual([{ type: FrameType.Ack, seq: 2 }]);
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).last).toBe(2);
  });

  it('drops duplicates of applied frames', () => {
    const { ws, root } = boot(COUNTER);
    const s = ws.last();
    s.recv(patches(1, [{ op: Op.SetText, hid: 3, text: 'one' }]));
    s.recv(patches(1, [{ op: Op.SetText, hid: 3, text: 'again' }]));
    expect(root.querySelector('h1')!.textContent).toBe('one');
  });

  it('a seq gap asks for the missed frames and drops frames until the gap is filled', () => {
    const { ws, root } = boot(COUNTER);
    const s = ws.last();
    const set = (seq: number) => patches(seq, [{ op: Op.SetText, hid: 3, text: 'Count: ' + seq }]);
    s.recv(set(1));
    s.recv(set(3));
    s.recv(set(4));
    const req = s.frames().filter((f) => f.type === FrameType.ResyncRequest) as ResyncRequestFrame[];
    expect(req).toEqual([{ type: FrameType.ResyncRequest, lastSeq: 1 }]);
    expect(root.querySelector('h1')!.textContent).toBe('Count: 1');
    // The replay.
    s.recv(set(2));
    s.recv(set(3));
    s.recv(set(4));
    expect(root.querySelector('h1')!.textContent).toBe('Count: 4');
    vi.advanceTimersByTime(25);
    expect(s.frames().at(-1)).toEqual({ type: FrameType.Ack, seq: 4 });
  });

  it('a full resync drops frames until it arrives, then the next seq applies', () => {
    const { ws, root } = boot(COUNTER);
    const s = ws.last();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    s.recv(patches(1, [{ op: Op.SetText, hid: 99, text: 'x' }]));
    s.recv(patches(2, [{ op: Op.SetText, hid: 3, text: 'Count: 2' }]));
    expect(root.querySelector('h1')!.textContent).toBe('Count: 0');
    s.recv(encodeResyncFull(4, [el('main', [], el('h1', [], txt('Count: 4')), el('button', [['data-hid', '4'], ['data-on', 'click']], txt('+')))]));
    expect(root.querySelector('h1')!.textContent).toBe('Count: 4');
    s.recv(patches(5, [{ op: Op.SetText, hid: 3, text: 'Count: 5' }]));
    expect(root.querySelector('h1')!.textContent).toBe('Count: 5');
  });

  it('a patch that cannot apply (unknown hid) asks for a full resync once', () => {
    const { ws } = boot(COUNTER);
    const s = ws.last();
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    s.recv(patches(1, [{ op: Op.SetText, hid: 99, text: 'x' }]));
    s.recv(patches(2, [{ op: Op.SetText, hid: 3, text: 'y' }]));
    s.recv(patches(4, [{ op: Op.SetText, hid: 3, text: 'y' }]));
    const req = s.frames().filter((f) => f.type === FrameType.ResyncRequest);
    // MAX: a replay from the last applied seq would bring back the frame that failed.
    expect(req).toEqual([{ type: FrameType.ResyncRequest, lastSeq: MAX }]);
    expect(err).toHaveBeenCalled();
  });

  it('an undecodable frame asks for a full resync', () => {
    const { ws } = boot(COUNTER);
    const s = ws.last();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    s.recv(new Uint8Array([0x04, 0x00, 0x05, 0x01]));
    expect(s.frames().at(-1)).toEqual({ type: FrameType.ResyncRequest, lastSeq: MAX });
  });

  it('ResyncFull replaces the DOM, renumbers from 1 and keeps focus and selection', () => {
    const { ws, root } = boot('<form><input data-hid="2" data-on="input" value="hello"><p>x</p></form>');
    const s = ws.last();
    const input = root.querySelector('input')!;
    input.focus();
    input.setSelectionRange(1, 3);
    s.recv(encodeResyncFull(7, [el('form', [], el('input', [['data-hid', '2'], ['data-on', 'input'], ['value', 'hello']]), el('p', [], txt('y')))]));
    const fresh = root.querySelector('input')!;
    expect(fresh).not.toBe(input);
    expect(document.activeElement).toBe(fresh);
    expect([fresh.selectionStart, fresh.selectionEnd]).toEqual([1, 3]);
    s.recv(patches(8, [{ op: Op.SetText, hid: 4, text: 'z' }]));
    expect(root.querySelector('p')!.textContent).toBe('z');
    expect(typesOf(s)).not.toContain(FrameType.ResyncRequest);
  });

  it('UrlPush and UrlReplace change the history without navigating', () => {
    const { ws } = boot(COUNTER);
    const push = vi.spyOn(history, 'pushState').mockImplementation(() => {});
    const replace = vi.spyOn(history, 'replaceState').mockImplementation(() => {});
    ws.last().recv(patches(1, [{ op: Op.UrlPush, url: '/a?x=1' }, { op: Op.UrlReplace, url: '/b' }]));
    expect(push).toHaveBeenCalledWith(null, '', '/a?x=1');
    expect(replace).toHaveBeenCalledWith(null, '', '/b');
  });
});

describe('events and the queue', () => {
  const click = (root: Element) => root.querySelector('button')!.click();

  it('numbers events once per page, across connections', () => {
    const { ws, root } = boot(COUNTER);
    click(root);
    click(root);
    ws.last().drop();
    vi.advanceTimersByTime(200);
    ws.last().open();
    ws.last().recv(hello(1));
    click(root);
    expect(eventsOf(ws.all[0]!).map((e) => e.seq)).toEqual([1, 2]);
    expect(eventsOf(ws.last()).map((e) => [e.seq, e.event.kind, e.event.hid])).toEqual([[3, EventKind.Click, 4]]);
  });

  it('queues events while disconnected and sends them in order after the hello', () => {
    const { ws, root } = boot(COUNTER);
    ws.last().drop();
    click(root);
    click(root);
    vi.advanceTimersByTime(200);
    const s = ws.last();
    expect(s).not.toBe(ws.all[0]);
    s.open();
    click(root);
    expect(eventsOf(s)).toEqual([]);
    s.recv(hello(1));
    expect(eventsOf(s).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('holds queued events until the replay the hello announces is applied', () => {
    const { ws, root } = boot(COUNTER);
    ws.last().drop();
    click(root);
    vi.advanceTimersByTime(200);
    const s = ws.last();
    s.open();
    s.recv(hello(3)); // the server is at seq 2: frames 1 and 2 follow
    expect(eventsOf(s)).toEqual([]);
    s.recv(patches(1, [{ op: Op.SetText, hid: 3, text: 'Count: 1' }]));
    expect(eventsOf(s)).toEqual([]);
    s.recv(patches(2, [{ op: Op.SetText, hid: 3, text: 'Count: 2' }]));
    expect(eventsOf(s).map((e) => e.seq)).toEqual([1]);
  });

  it('drops queued events when a full resync replaces the DOM they point into', () => {
    const { ws, root } = boot(COUNTER);
    ws.last().drop();
    click(root);
    vi.advanceTimersByTime(200);
    const s = ws.last();
    s.open();
    s.recv(hello(10));
    s.recv(encodeResyncFull(9, [el('main', [], el('h1', [], txt('Count: 9')), el('button', [['data-hid', '4'], ['data-on', 'click']], txt('+')))]));
    expect(eventsOf(s)).toEqual([]);
    click(root);
    expect(eventsOf(s).map((e) => e.seq)).toEqual([2]);
  });

  it('keeps at most 64 queued events, dropping the oldest input-like ones first', () => {
    const { ws, root } = boot('<input data-hid="1" data-on="input"><button data-hid="2" data-on="click">b</button>');
    ws.last().drop();
    const input = root.querySelector('input')!;
    for (let i = 0; i < 10; i++) root.querySelector('button')!.click();
    for (let i = 0; i < 60; i++) {
      input.value = 'v' + i;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    vi.advanceTimersByTime(200);
    const s = ws.last();
    s.open();
    s.recv(hello(1));
    const sent = eventsOf(s);
    expect(sent).toHaveLength(64);
    expect(sent.filter((e) => e.event.kind === EventKind.Click)).toHaveLength(10);
    expect(sent.at(-1)!.event).toMatchObject({ kind: EventKind.Input, value: 'v59' });
    expect(sent.find((e) => e.event.kind === EventKind.Input)!.event).toMatchObject({ value: 'v6' });
  });
});

describe('reconnecting', () => {
  it('backs off with full jitter from 100 ms, and resets after a stable connection', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { ws } = boot(COUNTER);
    ws.last().drop();
    expect(classes()).toEqual(['vango-reconnecting']);
    const at = (ms: number) => {
      const n = ws.all.length;
      vi.advanceTimersByTime(ms - 1);
      expect(ws.all.length).toBe(n);
      vi.advanceTimersByTime(1);
      expect(ws.all.length).toBe(n + 1);
    };
    at(50);
    ws.last().drop();
    at(100);
    ws.last().drop();
    at(200);
    // Connected, but dropped again before it proved stable: the backoff keeps growing.
    ws.last().open();
    ws.last().recv(hello(1));
    ws.last().drop();
    at(400);
    ws.last().open();
    ws.last().recv(hello(1));
    vi.advanceTimersByTime(5_000);
    ws.last().drop();
    at(50);
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected', 'reconnecting', 'connected', 'reconnecting']);
  });

  it('never waits more than 10 s', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { ws } = boot(COUNTER);
    for (let i = 0; i < 12; i++) {
      ws.last().drop();
      vi.advanceTimersByTime(10_000);
    }
    expect(ws.all.length).toBe(13);
  });

  it('reconnects at once when the browser comes online or the tab becomes visible', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { ws } = boot(COUNTER);
    for (let i = 0; i < 6; i++) {
      ws.last().drop();
      vi.advanceTimersByTime(10_000);
    }
    ws.last().drop();
    const n = ws.all.length;
    window.dispatchEvent(new Event('online'));
    expect(ws.all.length).toBe(n + 1);
    ws.last().drop();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(ws.all.length).toBe(n + 2);
  });

  it('resumes with the real lastSeq after a drop', () => {
    const { ws } = boot(COUNTER);
    ws.last().recv(patches(1, [{ op: Op.SetText, hid: 3, text: 'a' }]));
    ws.last().drop();
    vi.advanceTimersByTime(200);
    ws.last().open();
    expect(ws.last().frames()[0]).toMatchObject({ type: FrameType.ClientHello, sessionId: 'sid-1', lastSeq: 1 });
  });
});

describe('the tab session', () => {
  const save = (o: object) => sessionStorage.setItem(SESSION_KEY, JSON.stringify({ path: '/', ...o }));

  it('a reload tries the stored session first, asking for the whole tree', () => {
    save({ sid: 'old', csrf: 'c0', last: 5 });
    const root = page(COUNTER);
    const ws = fakeWS();
    start({ root, boot: BOOT, WS: ws.WS });
    const s = ws.last();
    expect(s.url).toContain('sid=old&csrf=c0');
    s.open();
    expect(s.frames()[0]).toMatchObject({ sessionId: 'old', csrf: 'c0', lastSeq: MAX });
    s.recv(hello(6, 'old'));
    s.recv(encodeResyncFull(5, [el('main', [], el('h1', [], txt('Count: 5')), el('button', [['data-hid', '4'], ['data-on', 'click']], txt('+')))]));
    expect(root.querySelector('h1')!.textContent).toBe('Count: 5');
    vi.advanceTimersByTime(25);
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!)).toMatchObject({ sid: 'old', last: 5 });
    root.querySelector('button')!.click();
    expect(eventsOf(s)).toHaveLength(1);
  });

  it('falls back to the page session when the stored one has expired', () => {
    save({ sid: 'old', csrf: 'c0' });
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const root = page(COUNTER);
    const ws = fakeWS();
    start({ root, boot: BOOT, WS: ws.WS });
    ws.last().open();
    ws.last().recv(encodeError(ErrorCode.SessionExpired, 'session expired', true));
    ws.last().drop();
    const s = ws.last();
    expect(s.url).toContain('sid=sid-1');
    s.open();
    expect(s.frames()[0]).toMatchObject({ sessionId: 'sid-1', lastSeq: 0 });
    expect(reload).not.toHaveBeenCalled();
    s.recv(hello(1));
    vi.advanceTimersByTime(25);
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY)!).sid).toBe('sid-1');
  });

  it('falls back to the page session when the upgrade is refused', () => {
    save({ sid: 'old', csrf: 'bad' });
    const root = page(COUNTER);
    const ws = fakeWS();
    start({ root, boot: BOOT, WS: ws.WS });
    ws.last().drop();
    expect(ws.all).toHaveLength(2);
    expect(ws.last().url).toContain('sid=sid-1');
  });

  it('another page (a full navigation) does not resume the stored session', () => {
    save({ sid: 'old', csrf: 'c0', path: '/elsewhere' });
    const { ws } = boot(COUNTER);
    expect(ws.all[0]!.url).toContain('sid=sid-1');
  });
});

describe('Error and Close frames', () => {
  it('an Error frame is logged and reverts optimistic changes; reload only when asked, not in a loop', () => {
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ws, root } = boot(`<button data-hid="1" data-on="click" data-optimistic='{"class":"+busy"}'>x</button>`);
    const b = root.querySelector('button')!;
    b.click();
    expect(b.className).toBe('busy');
    ws.last().recv(encodeError(ErrorCode.RateLimited, 'slow down'));
    expect(b.className).toBe('');
    expect(err).toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    ws.last().recv(encodeError(ErrorCode.VersionMismatch, 'client protocol 1.0, server 2.0', true));
    expect(reload).toHaveBeenCalledTimes(1);
    // The next page asks again at once: no second reload within 10 s.
    const again = boot(COUNTER);
    again.ws.last().recv(encodeError(ErrorCode.VersionMismatch, 'still', true));
    expect(reload).toHaveBeenCalledTimes(1);
    again.ws.last().drop();
    expect(classes()).toEqual(['vango-disconnected']);
  });

  it('Close SessionExpired clears the stored session and reloads', () => {
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    vi.setSystemTime(Date.now() + 60_000);
    const { ws } = boot(COUNTER);
    vi.advanceTimersByTime(25);
    expect(sessionStorage.getItem(SESSION_KEY)).toContain('sid-1');
    ws.last().recv(encodeClose(CloseCode.SessionExpired, 'evicted'));
    expect(sessionStorage.getItem(SESSION_KEY)).toBe('');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('Close Restart reconnects; Close Replaced stops', () => {
    const { ws } = boot(COUNTER);
    ws.last().recv(encodeClose(CloseCode.Restart, 'restarting'));
    expect(classes()).toEqual(['vango-reconnecting']);
    vi.advanceTimersByTime(200);
    expect(ws.all).toHaveLength(2);
    ws.last().open();
    ws.last().recv(hello(1));
    ws.last().recv(encodeClose(CloseCode.Replaced, 'session opened elsewhere'));
    expect(classes()).toEqual(['vango-disconnected']);
    vi.advanceTimersByTime(60_000);
    window.dispatchEvent(new Event('online'));
    expect(ws.all).toHaveLength(2);
  });
});

describe('the server answer to an event', () => {
  it('reverts optimistic changes up to its eventSeq before applying its patches', () => {
    const { ws, root } = boot(`<button data-hid="1" data-on="click" data-optimistic='{"class":"+busy","text":"…"}'>Save</button>`);
    const b = root.querySelector('button')!;
    b.click();
    b.click();
    expect(b.className).toBe('busy');
    expect(b.textContent).toBe('…');
    // The answer to event 1: event 2 is still pending, its change stays.
    ws.last().recv(patches(1, [{ op: Op.SetAttr, hid: 1, name: 'title', value: 'saved once' }], 1));
    expect(b.className).toBe('busy');
    ws.last().recv(patches(2, [{ op: Op.SetText, hid: 2, text: 'Saved' }], 2));
    expect(b.className).toBe('');
    expect(b.textContent).toBe('Saved');
    expect(b.title).toBe('saved once');
  });

  it('leaves the focused field alone until the server has seen its latest input', () => {
    const { ws, root } = boot('<input data-hid="1" data-on="input" value="">');
    const s = ws.last();
    const i = root.querySelector('input')!;
    i.focus();
    const type = (v: string) => {
      i.value = v;
      i.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('a');
    type('ab');
    type('abc');
    i.setSelectionRange(1, 1);
    s.recv(patches(1, [{ op: Op.SetProp, hid: 1, name: 'value', value: 'a' }], 1));
    expect(i.value).toBe('abc');
    s.recv(patches(2, [{ op: Op.SetProp, hid: 1, name: 'value', value: 'ab' }], 2));
    expect(i.value).toBe('abc');
    s.recv(patches(3, [{ op: Op.SetProp, hid: 1, name: 'value', value: 'abc' }], 3));
    expect(i.value).toBe('abc');
    expect(i.selectionStart).toBe(1);
    // The server's own value (it rewrote the input) lands once it is current.
    s.recv(patches(4, [{ op: Op.SetProp, hid: 1, name: 'value', value: 'ABC' }], 3));
    expect(i.value).toBe('ABC');
    expect(i.getAttribute('value')).toBe('ABC');
  });

  it('also when the input event is declared on a wrapper', () => {
    // form 1 (input 2)
    const { ws, root } = boot('<form data-hid="1" data-on="input"><input value=""></form>');
    const s = ws.last();
    const i = root.querySelector('input')!;
    i.focus();
    i.value = 'ab';
    i.dispatchEvent(new Event('input', { bubbles: true }));
    s.recv(patches(1, [{ op: Op.SetProp, hid: 2, name: 'value', value: 'a' }], 0));
    expect(i.value).toBe('ab');
    i.blur();
    s.recv(patches(2, [{ op: Op.SetProp, hid: 2, name: 'value', value: 'x' }], 0));
    expect(i.value).toBe('x');
  });
});
