/**
 * A headless Vango client over a real WebSocket: fetches a page, reads its boot data, opens the socket
 * with the handshake, sends events and collects frames. Used by integration tests and the load bench.
 */
import WebSocket from 'ws';
import { decodeServerFrame, encodeAck, encodeClientHello, encodeEvent, PROTOCOL_VERSION } from '../../src/runtime/protocol/client.ts';
import { FrameType, type ServerFrame } from '../../src/runtime/protocol/frames.ts';
import type { WireEvent } from '../../src/runtime/protocol/events.ts';

export interface Page {
  html: string;
  sid: string;
  csrf: string;
  ws: string;
  /** `data-hid` values of elements declaring events, by the first event they declare. */
  handlers: Map<string, number[]>;
}

/** GET a page and read its boot data and interactive elements. */
export async function openPage(base: string, path = '/'): Promise<Page> {
  const res = await fetch(new URL(path, base));
  const html = await res.text();
  const boot = /<script type="application\/json" id="vango-boot">(.*?)<\/script>/s.exec(html);
  if (!boot) throw new Error(`no boot data in page ${path} (status ${res.status})`);
  const data = JSON.parse(boot[1]!) as { sid: string; csrf: string; ws: string };
  const handlers = new Map<string, number[]>();
  for (const m of html.matchAll(/data-hid="(\d+)" data-on="([^"]*)"/g)) {
    const ev = m[2]!.split(' ')[0]!.split('.')[0]!;
    handlers.set(ev, [...(handlers.get(ev) ?? []), Number(m[1])]);
  }
  return { html, ...data, handlers };
}

export interface ConnectOptions {
  origin?: string | null;
  sid?: string;
  csrf?: string;
  lastSeq?: number;
  /** Send the ClientHello automatically (default true). */
  hello?: boolean;
}

export class WireClient {
  readonly ws: WebSocket;
  readonly frames: ServerFrame[] = [];
  lastSeq = 0;
  closed: { code: number; reason: string } | undefined;
  private eventSeq = 0;
  private cursor = 0;
  private waiters: Array<{ pred: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }> = [];
  onFrame: ((f: ServerFrame) => void) | undefined;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data: Buffer) => {
      const r = decodeServerFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!r.ok || !r.value) return;
      const f = r.value;
      if (f.type === FrameType.Patches || f.type === FrameType.ResyncFull) this.lastSeq = f.seq;
      this.frames.push(f);
      this.onFrame?.(f);
      this.waiters = this.waiters.filter((w) => (w.pred(f) ? (w.resolve(f), false) : true));
    });
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  /** Open the page's socket (Origin defaults to the server's own). Rejects with the HTTP status on a refused upgrade. */
  static connect(base: string, page: Page, opts: ConnectOptions = {}): Promise<WireClient> {
    const u = new URL(page.ws, base.replace(/^http/, 'ws'));
    u.searchParams.set('sid', opts.sid ?? page.sid);
    u.searchParams.set('csrf', opts.csrf ?? page.csrf);
    const origin = opts.origin === undefined ? new URL(base).origin : opts.origin;
    const ws = new WebSocket(u, { headers: origin === null ? {} : { origin } });
    const c = new WireClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode} ${body.trim()}`), { status: res.statusCode, body })));
      });
      ws.once('error', reject);
      ws.once('open', () => {
        if (opts.hello !== false) c.hello(opts.sid ?? page.sid, opts.csrf ?? page.csrf, opts.lastSeq ?? 0);
        resolve(c);
      });
    });
  }

  hello(sid: string, csrf: string, lastSeq: number): void {
    this.ws.send(encodeClientHello({ version: PROTOCOL_VERSION, sessionId: sid, lastSeq, csrf, width: 800, height: 600, dpr: 1, caps: 0, tzOffset: 0, locale: 'en' }));
  }

  /** Send an event; returns its seq. */
  send(event: WireEvent): number {
    const seq = ++this.eventSeq;
    this.ws.send(encodeEvent(seq, event));
    return seq;
  }

  click(hid: number): number {
    return this.send({ kind: 1, hid, mods: 0 });
  }

  ack(): void {
    this.ws.send(encodeAck(this.lastSeq));
  }

  raw(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  /** The next frame after the last one returned (already received or future) matching `pred`. */
  next(pred: (f: ServerFrame) => boolean = () => true, timeoutMs = 5_000): Promise<ServerFrame> {
    for (let i = this.cursor; i < this.frames.length; i++) {
      if (pred(this.frames[i]!)) {
        this.cursor = i + 1;
        return Promise.resolve(this.frames[i]!);
      }
    }
    this.cursor = this.frames.length;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(t);
          this.cursor = this.frames.length;
          resolve(f);
        },
      });
    });
  }

  /** Resolves when the socket is closed. */
  whenClosed(timeoutMs = 5_000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.ws.once('close', (code, reason) => (clearTimeout(t), resolve({ code, reason: reason.toString() })));
    });
  }

  close(): void {
    this.ws.close();
  }
}
