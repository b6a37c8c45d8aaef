/**
 * A session: one live root and the one queue through which everything that changes it passes
 * (events, renders caused by other sessions' writes, background results). Frames are numbered; the
 * client acks; after a gap or a reconnect the session replays from a bounded history and only falls back
 * to a full resync when the history no longer reaches.
 */
import { ErrorCode, CloseCode } from '../protocol/codes.ts';
import { decodeClientFrame } from '../protocol/decode-c2s.ts';
import { encodeClose, encodeError, encodePatches, encodePong, encodeResyncFull, encodeServerHello } from '../protocol/encode-s2c.ts';
import type { ClientHello } from '../protocol/frames.ts';
import { FrameType } from '../protocol/frames.ts';
import { negotiate } from '../protocol/negotiate.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { EventKind, type WireEvent } from '../protocol/events.ts';
import type { ComponentInstance } from '../vdom/component.ts';
import { Op, type Patch } from '../vdom/patch.ts';
import { Root } from '../vdom/root.ts';
import { SignalNode, type ReadonlySignal } from '../reactive/signal.ts';
import type { Child } from '../vdom/vnode.ts';
import { toWire } from '../vdom/wire.ts';
import { randomToken } from './ids.ts';
import type { SessionOptions } from './options.ts';
import { eventNameOf, payloadOf } from './payload.ts';
import { TokenBucket } from './rate.ts';
import { ReplayRing } from './replay.ts';
import type { Transport } from './transport.ts';

export type SessionState = 'pending' | 'attached' | 'detached' | 'closed';

/** What a session reports to its manager. */
export interface SessionHost {
  readonly options: SessionOptions;
  now(): number;
  /** An error in app code (handler, render, effect): logged, the session keeps running. */
  report(error: unknown, session: Session, where: string): void;
  /** The session closed for good. */
  closed(session: Session): void;
}

let active: Session | undefined;

/**
 * Runs a client's Navigate event: swaps the page and returns the commands that go first in the same
 * frame (the history op, a title change, or a full navigation). Installed by the app on routed sessions.
 */
export type Navigator = (path: string, replace: boolean) => Promise<Patch[]>;

/**
 * Prepares the page a client is likely to navigate to next (a hovered `<Link prefetch>`), and forgets
 * it. Installed by the app on routed sessions, next to the navigator.
 */
export interface Prefetcher {
  /** Prepare `path` (untrusted: resolved like any navigation). Failures are the prefetcher's to swallow. */
  prefetch(path: string): void;
  /** Forget the prepared page unless a navigation adopted it. */
  drop(): void;
}

/** The Custom event (kind 34) on hid 0 by which a client asks for a prefetch; its payload is the path. */
export const PREFETCH_EVENT = 'vango:prefetch';

/** Tells the client to load `url` as a new document (what a plain link would have done). */
export function fullNavigation(url: string): Patch {
  return { op: Op.Dispatch, hid: 0, name: 'vango:navigate', detail: JSON.stringify(url) };
}

/** The session whose event or render is running (for `navigate()` and friends). */
export function currentSession(): Session | undefined {
  return active;
}

export class Session {
  readonly id = randomToken();
  readonly csrf = randomToken();
  readonly root: Root;
  state: SessionState = 'pending';
  /** Last time the client did something (ms). */
  lastSeen: number;
  /** Seq of the last Patches frame produced. */
  seq = 0;
  /** Seq the client last acknowledged. */
  acked = 0;
  /** Extra per-session values for features (URL, auth...). */
  readonly data = new Map<string, unknown>();
  /** Handles Navigate events; without one, every navigation is a full one. */
  navigator: Navigator | undefined;
  /** Handles prefetch requests; without one they are ignored. */
  prefetcher: Prefetcher | undefined;
  private readonly host: SessionHost;
  private readonly link = new SignalNode<boolean>(false, undefined);
  private transport: Transport | undefined;
  private ring: ReplayRing | undefined;
  private bucket: TokenBucket | undefined;
  private prefetches: TokenBucket | undefined;
  private queue: { seq: number; event: WireEvent }[] = [];
  /** Seq of the last client event whose handling finished (sent with each frame). */
  private eventSeq = 0;
  private pumping = false;
  private flushScheduled = false;
  /** Frames were held back (slow client): catch up once it drains. */
  private behind = false;

  constructor(host: SessionHost) {
    this.host = host;
    this.lastSeen = host.now();
    this.root = new Root({
      onDirty: () => this.scheduleFlush(),
      onRenderError: (err, inst: ComponentInstance) => host.report(err, this, `render of <${inst.name}>`),
    });
  }

  /** Mount the page; returns the mounted tree for SSR. Errors propagate (the request fails). */
  mount(page: Child): void {
    this.run(() => this.root.mount(page));
  }

  get attached(): boolean {
    return this.state === 'attached';
  }

  /**
   * True while a client's socket is attached (false before the first one, after a drop and once
   * closed). A signal: components and effects that read it re-run when the connection comes and goes.
   */
  get connected(): ReadonlySignal<boolean> {
    return this.link;
  }

  /** Attach a connection after its ClientHello. Returns false when the hello was refused (and closed). */
  attach(transport: Transport, hello: ClientHello): boolean {
    const v = negotiate(hello.version);
    if (!v.ok) {
      transport.send(encodeError(v.error.code, v.error.message, v.error.reload));
      transport.close(1002, 'protocol version mismatch');
      return false;
    }
    if (this.transport && this.transport !== transport) {
      this.transport.send(encodeClose(CloseCode.Replaced, 'session opened elsewhere'));
      this.transport.close(1000, 'replaced');
    }
    const resumed = this.state === 'detached';
    this.transport = transport;
    this.state = 'attached';
    this.link.set(true);
    this.lastSeen = this.host.now();
    const o = this.host.options;
    transport.send(encodeServerHello({
      version: v.version,
      sessionId: this.id,
      serverTime: Date.now(),
      resumed,
      nextSeq: this.seq + 1,
      maxServerFrame: o.maxServerFrame,
      maxClientFrame: o.clientLimits.maxFrame,
    }));
    if (hello.lastSeq !== this.seq) this.resync(hello.lastSeq);
    return true;
  }

  /** The connection went away; the session stays resumable until its manager expires it. */
  detach(transport?: Transport): void {
    if (transport && transport !== this.transport) return;
    this.transport = undefined;
    if (this.state === 'attached') this.state = 'detached';
    this.link.set(false);
    this.lastSeen = this.host.now();
  }

  /** Handle one binary message from the client. Malformed input closes this connection only. */
  receive(bytes: Uint8Array): void {
    const o = this.host.options;
    const r = decodeClientFrame(bytes, o.clientLimits);
    if (!r.ok) {
      this.fail(r.code, r.message);
      return;
    }
    const f = r.value;
    if (f === null) return; // an optional frame type this server does not know
    this.lastSeen = this.host.now();
    switch (f.type) {
      case FrameType.Event: {
        this.bucket ??= new TokenBucket(o.eventRate, o.eventBurst, this.lastSeen);
        if (!this.bucket.take(this.lastSeen) || this.queue.length >= o.maxQueuedEvents) {
          this.fail(ErrorCode.RateLimited, `too many events (limit ${o.eventRate}/s, burst ${o.eventBurst})`);
          return;
        }
        this.queue.push({ seq: f.seq, event: f.event });
        void this.pump();
        return;
      }
      case FrameType.Ack:
        if (f.seq > this.seq) {
          this.fail(ErrorCode.BadFrame, `ack ${f.seq} is ahead of the last frame sent (${this.seq})`);
          return;
        }
        this.acked = Math.max(this.acked, f.seq);
        this.ring?.ack(f.seq);
        if (this.behind) this.catchUp();
        return;
      case FrameType.Ping:
        this.transport?.send(encodePong(f.time));
        return;
      case FrameType.Pong:
        return;
      case FrameType.ResyncRequest:
        this.resync(f.lastSeq);
        return;
      case FrameType.Close:
        this.transport?.close(1000, 'client closed');
        this.detach();
        return;
      case FrameType.ClientHello:
        this.fail(ErrorCode.BadFrame, 'ClientHello after the handshake');
        return;
    }
  }

  /** Run app code with this session current. */
  run<T>(fn: () => T): T {
    const prev = active;
    active = this;
    try {
      return fn();
    } finally {
      active = prev;
    }
  }

  /** Send an error frame and close the connection (the session itself stays resumable). */
  fail(code: number, message: string): void {
    const t = this.transport;
    if (!t) return;
    t.send(encodeError(code, message, code === ErrorCode.VersionMismatch || code === ErrorCode.SessionExpired));
    t.close(code === ErrorCode.RateLimited ? 1008 : 1002, message.slice(0, 120));
    this.detach(t);
  }

  /** Close for good: disposes the tree. */
  close(code: number = CloseCode.Normal, reason = ''): void {
    if (this.state === 'closed') return;
    const t = this.transport;
    if (t) {
      t.send(encodeClose(code, reason));
      t.close(1000, reason.slice(0, 120));
    }
    this.transport = undefined;
    this.state = 'closed';
    this.link.set(false);
    this.queue = [];
    this.ring?.clear();
    this.prefetcher?.drop();
    this.root.dispose();
    this.host.closed(this);
  }

  /** Whether work is under way or waiting: an event being handled or queued, or a render pending. */
  get busy(): boolean {
    return this.pumping || this.queue.length > 0 || this.root.pending;
  }

  /** Resolves when no event is being handled (for graceful shutdown). */
  async idle(): Promise<void> {
    while (this.pumping) await new Promise((r) => setTimeout(r, 5));
  }

  /** Rough bytes held: mounted nodes, replay history, queued events. */
  estimateBytes(): number {
    return (this.root.nextHid - 1) * 96 + (this.ring?.size ?? 0) + this.queue.length * 128;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.pumping) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      if (!this.pumping && this.state !== 'closed') this.flush();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.state !== 'closed') {
        const { seq, event: e } = this.queue.shift()!;
        if (e.kind === EventKind.Navigate) {
          await this.navigate(seq, e.path, e.replace);
          continue;
        }
        if (e.kind === EventKind.Custom && e.hid === 0 && e.name === PREFETCH_EVENT) {
          this.prefetch(e.payload);
          this.eventSeq = seq;
          continue;
        }
        // A prepared page is for the very next navigation only.
        this.prefetcher?.drop();
        // An element with optimistic changes needs an answer even when nothing changed, so the client reverts.
        const props = this.root.element(e.hid)?.props;
        const answer = props !== undefined && (props.optimistic !== undefined || props['data-optimistic'] !== undefined);
        let result: unknown;
        try {
          result = this.run(() => this.root.dispatch(e.hid, eventNameOf(e), payloadOf(e))).result;
        } catch (err) {
          this.host.report(err, this, `${eventNameOf(e)} handler`);
        }
        if (result instanceof Promise) {
          this.flush();
          try {
            await result;
          } catch (err) {
            this.host.report(err, this, `${eventNameOf(e)} handler`);
          }
        }
        this.eventSeq = seq;
        this.flush(answer);
      }
    } finally {
      this.pumping = false;
    }
    if (this.root.pending) this.scheduleFlush();
  }

  /**
   * Navigate this session from server code (`navigate()` in a handler): queued behind the event being
   * handled, then answered exactly like a client's link click.
   */
  requestNavigation(path: string, replace: boolean): void {
    if (this.state === 'closed') return;
    this.queue.push({ seq: this.eventSeq, event: { kind: EventKind.Navigate, hid: 0, path, replace } });
    void this.pump();
  }

  /** A prefetch request: bounded by its own rate (ignored beyond it, as it is only a hint). */
  private prefetch(path: string): void {
    const o = this.host.options;
    const now = this.host.now();
    this.prefetches ??= new TokenBucket(o.prefetchRate, o.prefetchBurst, now);
    if (!this.prefetcher || !this.prefetches.take(now)) return;
    try {
      this.run(() => this.prefetcher!.prefetch(path));
    } catch (err) {
      this.host.report(err, this, `prefetch of ${path}`);
    }
  }

  /** A Navigate event: the navigator's commands and the new page's patches go out as one frame. */
  private async navigate(seq: number, path: string, replace: boolean): Promise<void> {
    let first: Patch[];
    try {
      first = this.navigator ? await this.run(() => this.navigator!(path, replace)) : [fullNavigation(path)];
    } catch (err) {
      this.host.report(err, this, `navigation to ${path}`);
      first = [fullNavigation(path)];
    }
    this.eventSeq = seq;
    this.flush(true, first);
    this.prefetcher?.drop();
  }

  /**
   * Re-render what is dirty and send the patches as one frame (an empty one only when `always`),
   * after the commands in `first`.
   */
  flush(always = false, first: Patch[] = []): void {
    let patches: Patch[];
    try {
      patches = [...first, ...this.run(() => this.root.flush())];
    } catch (err) {
      this.host.report(err, this, 'render');
      return;
    }
    if (patches.length === 0 && !always) return;
    const o = this.host.options;
    const seq = ++this.seq;
    const frame = encodePatches(seq, patches, this.eventSeq);
    this.ring ??= new ReplayRing(o.replayFrames, o.replayBytes);
    this.ring.push(seq, frame);
    if (this.estimateBytes() > o.maxSessionBytes) {
      this.host.report(new Error(`session holds about ${this.estimateBytes()} bytes, over the limit of ${o.maxSessionBytes}`), this, 'limits');
      this.close(CloseCode.SessionExpired, 'session too large');
      return;
    }
    const t = this.transport;
    if (!t) return;
    if (this.behind || t.buffered > o.maxBufferedBytes) {
      this.behind = true;
      return;
    }
    t.send(frame);
  }

  /** Bring a client that was held back up to date: replay if the history reaches, else a full resync. */
  private catchUp(): void {
    const t = this.transport;
    if (!t || t.buffered > this.host.options.maxBufferedBytes / 2) return;
    this.behind = false;
    this.resync(this.acked);
  }

  /** Send the client everything after `lastSeq`. */
  resync(lastSeq: number): void {
    const t = this.transport;
    if (!t) return;
    const frames = lastSeq <= this.seq ? this.ring?.since(lastSeq, this.seq) ?? (lastSeq === this.seq ? [] : undefined) : undefined;
    if (frames) {
      for (const f of frames) t.send(f);
      return;
    }
    this.root.renumber();
    this.ring?.clear();
    // Queued events name hids of the old numbering; the client drops its queue on a full resync too.
    this.queue = [];
    t.send(encodeResyncFull(this.seq, this.root.top ? toWire(this.root.top) : []));
  }
}

export { PROTOCOL_VERSION };
