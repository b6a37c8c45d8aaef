/**
 * Client test helpers (happy-dom environment): a scriptable fake WebSocket, a page with a server-rendered
 * root, and server frames built with the real server encoders.
 */
import { start, type Vango } from '../../../src/client/client.ts';
import { decodeClientFrame } from '../../../src/runtime/protocol/decode-c2s.ts';
import { encodePatches, encodeServerHello } from '../../../src/runtime/protocol/encode-s2c.ts';
import type { ClientFrame, EventFrame } from '../../../src/runtime/protocol/frames.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import type { Patch } from '../../../src/runtime/vdom/patch.ts';

export interface FakeSocket {
  url: string;
  readyState: number;
  binaryType: string;
  onopen: (() => void) | null;
  onmessage: ((m: { data: ArrayBuffer }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  sent: Uint8Array[];
  closed: boolean;
  send(b: Uint8Array): void;
  close(): void;
  /** The server accepts: open, then the client sends its hello. */
  open(): void;
  /** Deliver a server frame. */
  recv(frame: Uint8Array): void;
  /** The connection fails or drops. */
  drop(): void;
  /** Client frames sent so far, decoded with the server's decoder. */
  frames(): ClientFrame[];
}

/** A fake WebSocket class with its own list of instances. */
export function fakeWS() {
  const all: FakeSocket[] = [];
  class WS implements FakeSocket {
    url: string;
    readyState = 0;
    binaryType = 'blob';
    onopen: (() => void) | null = null;
    onmessage: ((m: { data: ArrayBuffer }) => void) | null = null;
    onclose: (() => void) | null = null;
    onerror: (() => void) | null = null;
    sent: Uint8Array[] = [];
    closed = false;
    constructor(url: string) {
      this.url = url;
      all.push(this);
    }
    send(b: Uint8Array) {
      if (this.readyState !== 1) throw new Error('send on a socket that is not open');
      this.sent.push(b);
    }
    close() {
      this.closed = true;
      this.readyState = 3;
    }
    open() {
      this.readyState = 1;
      this.onopen?.();
    }
    recv(frame: Uint8Array) {
      this.onmessage?.({ data: frame.slice().buffer });
    }
    drop() {
      this.readyState = 3;
      this.onclose?.();
    }
    frames(): ClientFrame[] {
      return this.sent.map((b) => {
        const r = decodeClientFrame(b);
        if (!r.ok || !r.value) throw new Error('client sent an undecodable frame: ' + (r.ok ? 'null' : r.message));
        return r.value;
      });
    }
  }
  return { WS: WS as unknown as new (url: string) => WebSocket, all, last: () => all[all.length - 1]! };
}

/** Replace the body with a live root holding `html`; returns the root. */
export function page(html: string): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.id = 'vango-root';
  root.innerHTML = html;
  document.body.appendChild(root);
  return root;
}

export const BOOT = { sid: 'sid-1', csrf: 'tok-1', ws: '/_vango/ws' };

export const hello = (nextSeq = 1, sessionId = BOOT.sid) =>
  encodeServerHello({ version: { major: 1, minor: 0 }, sessionId, serverTime: 0, resumed: false, nextSeq, maxServerFrame: 4 << 20, maxClientFrame: 65536 });

export const patches = (seq: number, list: Patch[], eventSeq = 0) => encodePatches(seq, list, eventSeq);

/** Start a client on `html` with a fake socket; optionally open it and answer the hello. */
export function boot(html: string, opts: { connect?: boolean; nextSeq?: number } = {}) {
  const root = page(html);
  const ws = fakeWS();
  const api: Vango = start({ root, boot: BOOT, WS: ws.WS });
  if (opts.connect !== false) {
    ws.last().open();
    ws.last().recv(hello(opts.nextSeq ?? 1));
  }
  return { root, api, ws };
}

/** Event frames a socket sent. */
export const eventsOf = (s: FakeSocket): EventFrame[] => s.frames().filter((f): f is EventFrame => f.type === FrameType.Event);

export const typesOf = (s: FakeSocket): number[] => s.frames().map((f) => f.type);
