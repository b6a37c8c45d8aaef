import { describe, expect, it } from 'vitest';
import { SessionManager } from '../../../src/runtime/app/manager.ts';
import type { Transport } from '../../../src/runtime/app/transport.ts';
import { ReplayRing } from '../../../src/runtime/app/replay.ts';
import { TokenBucket } from '../../../src/runtime/app/rate.ts';
import { encodeAck, encodeClientHello, encodeEvent, encodeResyncRequest, PROTOCOL_VERSION } from '../../../src/runtime/protocol/client.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { FrameType, type ServerFrame } from '../../../src/runtime/protocol/frames.ts';
import { CloseCode, ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { signal } from '../../../src/runtime/reactive/index.ts';
import { h } from '../../../src/runtime/vdom/h.ts';

class FakeTransport implements Transport {
  frames: ServerFrame[] = [];
  buffered = 0;
  closed: { code: number; reason: string } | undefined;
  send(frame: Uint8Array): void {
    const r = decodeServerFrame(frame);
    if (!r.ok || !r.value) throw new Error('server sent an undecodable frame');
    this.frames.push(r.value);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  of<T extends ServerFrame['type']>(type: T): Extract<ServerFrame, { type: T }>[] {
    return this.frames.filter((f): f is Extract<ServerFrame, { type: T }> => f.type === type);
  }
}

const hello = (sid: string, csrf: string, lastSeq = 0) =>
  ({ type: FrameType.ClientHello, version: PROTOCOL_VERSION, sessionId: sid, lastSeq, csrf, width: 1, height: 1, dpr: 1, caps: 0, tzOffset: 0, locale: 'en' }) as const;

function counter() {
  const n = signal(0);
  return h('p', null, h('button', { onClick: () => n.inc() }, `n=${n.get()}`));
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(init: ConstructorParameters<typeof SessionManager>[0] = {}) {
  let now = 1_000;
  const m = new SessionManager({ sweepInterval: 0, now: () => now, ...init });
  const s = m.create();
  s.mount(h(counter, null));
  const t = new FakeTransport();
  s.attach(t, hello(s.id, s.csrf));
  return { m, s, t, advance: (ms: number) => (now += ms) };
}

describe('session', () => {
  it('numbers frames, replays what an acked client missed, and falls back to a full resync', async () => {
    const { s, t } = setup({ session: { replayFrames: 3 } });
    expect(t.of(FrameType.ServerHello)[0]).toMatchObject({ sessionId: s.id, resumed: false, nextSeq: 1 });
    for (let i = 1; i <= 5; i++) {
      s.receive(encodeEvent(i, { kind: 1, hid: 2, mods: 0 }));
      await tick();
    }
    expect(t.of(FrameType.Patches).map((f) => f.seq)).toEqual([1, 2, 3, 4, 5]);
    s.receive(encodeAck(3));
    t.frames = [];
    s.receive(encodeResyncRequest(3));
    expect(t.frames.map((f) => f.type === FrameType.Patches && f.seq)).toEqual([4, 5]);
    t.frames = [];
    s.receive(encodeResyncRequest(1));
    expect(t.frames).toHaveLength(1);
    expect(t.frames[0]).toMatchObject({ type: FrameType.ResyncFull, seq: 5 });
    expect(JSON.stringify(t.frames[0])).toContain('n=5');
  });

  it('holds frames back from a slow client and brings it up to date once it drains', async () => {
    const { s, t } = setup({ session: { maxBufferedBytes: 100 } });
    t.buffered = 1_000;
    s.receive(encodeEvent(1, { kind: 1, hid: 2, mods: 0 }));
    await tick();
    s.receive(encodeEvent(2, { kind: 1, hid: 2, mods: 0 }));
    await tick();
    expect(t.of(FrameType.Patches)).toHaveLength(0);
    t.buffered = 0;
    s.receive(encodeAck(0));
    expect(t.of(FrameType.Patches).map((f) => f.seq)).toEqual([1, 2]);
  });

  it('refuses an ack from the future and a second hello', () => {
    const { s, t } = setup();
    s.receive(encodeAck(99));
    expect(t.of(FrameType.Error)[0]).toMatchObject({ code: ErrorCode.BadFrame });
    expect(t.closed).toBeDefined();
    const t2 = new FakeTransport();
    s.attach(t2, hello(s.id, s.csrf));
    s.receive(encodeClientHello(hello(s.id, s.csrf)));
    expect(t2.of(FrameType.Error)[0]?.message).toMatch(/ClientHello after the handshake/);
  });

  it('refuses an incompatible protocol major with a reload hint', () => {
    const m = new SessionManager({ sweepInterval: 0 });
    const s = m.create();
    s.mount(h(counter, null));
    const t = new FakeTransport();
    expect(s.attach(t, { ...hello(s.id, s.csrf), version: { major: PROTOCOL_VERSION.major + 1, minor: 0 } })).toBe(false);
    expect(t.of(FrameType.Error)[0]).toMatchObject({ code: ErrorCode.VersionMismatch, reload: true });
  });

  it('a second connection replaces the first, which is told why', () => {
    const { s, t } = setup();
    const t2 = new FakeTransport();
    s.attach(t2, hello(s.id, s.csrf, 0));
    expect(t.of(FrameType.Close)[0]).toMatchObject({ code: CloseCode.Replaced });
    expect(t2.of(FrameType.ServerHello)[0]).toMatchObject({ resumed: false });
  });

  it('keeps running when a handler throws, reporting the error', async () => {
    const errors: unknown[] = [];
    const m = new SessionManager({ sweepInterval: 0, onError: (e) => errors.push(e) });
    const s = m.create();
    const n = signal(0);
    s.mount(h(() => h('div', null, h('button', { onClick: () => { throw new Error('boom'); } }, 'x'), h('button', { onClick: () => n.inc() }, String(n.get()))), null));
    const t = new FakeTransport();
    s.attach(t, hello(s.id, s.csrf));
    s.receive(encodeEvent(1, { kind: 1, hid: 2, mods: 0 }));
    s.receive(encodeEvent(2, { kind: 1, hid: 4, mods: 0 }));
    await tick();
    expect(String(errors[0])).toMatch(/boom/);
    expect(JSON.stringify(t.of(FrameType.Patches))).toContain('"text":"1"');
  });
});

describe('session manager', () => {
  it('expires sessions that never connected, disconnected ones after the resume window, and idle ones', () => {
    let now = 0;
    const m = new SessionManager({ sweepInterval: 0, now: () => now, pendingWindow: 10, resumeWindow: 100, idleTimeout: 1_000 });
    const pending = m.create();
    const detached = m.create();
    const idle = m.create();
    for (const s of [pending, detached, idle]) s.mount(h(counter, null));
    detached.attach(new FakeTransport(), hello(detached.id, detached.csrf));
    detached.detach();
    const t = new FakeTransport();
    idle.attach(t, hello(idle.id, idle.csrf));
    now = 50;
    m.sweep();
    expect([pending.state, detached.state, idle.state]).toEqual(['closed', 'detached', 'attached']);
    now = 200;
    m.sweep();
    expect(detached.state).toBe('closed');
    now = 2_000;
    m.sweep();
    expect(idle.state).toBe('closed');
    expect(t.of(FrameType.Close)[0]).toMatchObject({ code: CloseCode.Idle });
    expect(m.size).toBe(0);
  });

  it('evicts the least recently used disconnected session at the limit, and refuses when all are live', () => {
    const m = new SessionManager({ sweepInterval: 0, maxSessions: 2 });
    const a = m.create();
    const b = m.create();
    m.claim(a.id, a.csrf);
    const c = m.create();
    expect(b.state).toBe('closed');
    expect(m.size).toBe(2);
    for (const s of [a, c]) {
      s.mount(h(counter, null));
      s.attach(new FakeTransport(), hello(s.id, s.csrf));
    }
    expect(() => m.create()).toThrow(/session limit/);
  });

  it('claims a session only with its CSRF token', () => {
    const m = new SessionManager({ sweepInterval: 0 });
    const s = m.create();
    expect(m.claim(s.id, 'nope')).toBeUndefined();
    expect(m.claim(s.id, s.csrf)).toBe(s);
  });

  it('shuts down gracefully: in-flight work finishes, then every client gets a reason', async () => {
    const { m, s, t } = setup();
    let finished = false;
    const slow = m.create();
    slow.mount(h(() => h('button', { onClick: async () => { await new Promise((r) => setTimeout(r, 30)); finished = true; } }, 'x'), null));
    const ts = new FakeTransport();
    slow.attach(ts, hello(slow.id, slow.csrf));
    slow.receive(encodeEvent(1, { kind: 1, hid: 1, mods: 0 }));
    await m.shutdown(1_000);
    expect(finished).toBe(true);
    expect(t.of(FrameType.Close)[0]).toMatchObject({ code: CloseCode.GoingAway });
    expect(s.state).toBe('closed');
    expect(() => m.create()).toThrow(/shutting down/);
  });
});

describe('bounded helpers', () => {
  it('replay ring keeps at most its frames and bytes and answers undefined when it no longer reaches', () => {
    const r = new ReplayRing(3, 100);
    for (let i = 1; i <= 5; i++) r.push(i, new Uint8Array(10));
    expect(r.since(2, 5)).toHaveLength(3);
    expect(r.since(1, 5)).toBeUndefined();
    r.push(6, new Uint8Array(95));
    expect(r.size).toBe(95);
    expect(r.since(5, 6)).toHaveLength(1);
    r.ack(6);
    expect(r.size).toBe(0);
  });

  it('token bucket allows the burst, then the rate', () => {
    const b = new TokenBucket(10, 5, 0);
    let ok = 0;
    for (let i = 0; i < 20; i++) if (b.take(0)) ok++;
    expect(ok).toBe(5);
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(false);
  });
});
