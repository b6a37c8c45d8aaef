import { describe, expect, it } from 'vitest';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { CloseCode, ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { decodeClientFrame } from '../../../src/runtime/protocol/decode-c2s.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import {
  encodeAck, encodeClientFrame, encodeClientHello, encodeEvent, encodePing, encodePong, encodeResyncRequest,
} from '../../../src/runtime/protocol/encode-c2s.ts';
import {
  encodeClose, encodeError, encodePatches, encodeResyncFull, encodeServerFrame, encodeServerHello,
} from '../../../src/runtime/protocol/encode-s2c.ts';
import { EventKind } from '../../../src/runtime/protocol/events.ts';
import { FrameFlag, FrameType as T } from '../../../src/runtime/protocol/frames.ts';
import type { ClientFrame, ServerFrame } from '../../../src/runtime/protocol/frames.ts';
import { C2S_LIMITS, S2C_LIMITS } from '../../../src/runtime/protocol/limits.ts';
import { fromHex, toHex } from './hex.ts';

const clientFrames: ClientFrame[] = [
  {
    type: T.ClientHello, version: { major: 1, minor: 3 }, sessionId: 'abc', lastSeq: 17, csrf: 'c'.repeat(64),
    width: 390, height: 844, dpr: 3, caps: 0x3ffff, tzOffset: 330, locale: 'hi-IN',
  },
  { type: T.Event, seq: 1, event: { kind: EventKind.Click, hid: 1, mods: 0 } },
  { type: T.Ack, seq: 2 ** 40 },
  { type: T.Ping, time: 123.456 },
  { type: T.Pong, time: -0 },
  { type: T.ResyncRequest, lastSeq: 0 },
  { type: T.Close, code: CloseCode.GoingAway, reason: 'unload' },
];

const serverFrames: ServerFrame[] = [
  {
    type: T.ServerHello, version: { major: 1, minor: 0 }, sessionId: 'sess', serverTime: Date.UTC(2030, 0, 1),
    resumed: false, nextSeq: 1, maxServerFrame: S2C_LIMITS.maxFrame, maxClientFrame: C2S_LIMITS.maxFrame,
  },
  { type: T.Patches, seq: 7, eventSeq: 3, patches: [{ op: Op.SetText, hid: 9, text: 'x' }] },
  { type: T.Patches, seq: 8, eventSeq: 0, patches: [] },
  { type: T.ResyncFull, seq: 7, nodes: [{ kind: Kind.Element, tag: 'main', attrs: [], children: [] }] },
  { type: T.ResyncFull, seq: 0, nodes: [] },
  { type: T.Ping, time: 5 },
  { type: T.Pong, time: Number.NaN },
  { type: T.Close, code: 99, reason: '' },
  { type: T.Error, code: ErrorCode.RateLimited, message: 'slow down', reload: false },
  { type: T.Error, code: ErrorCode.SessionExpired, message: '', reload: true },
];

/** `type, flags, varint length, payload` with a correct length, for hand-built frames. */
function frame(type: number, flags: number, payloadHex: string): Uint8Array {
  const p = fromHex(payloadHex);
  if (p.length > 127) throw new Error('helper only writes 1-byte lengths');
  return Uint8Array.of(type, flags, p.length, ...p);
}

describe('round trips', () => {
  it.each(clientFrames.map((f) => [f.type, f] as const))('client frame type %d', (_, f) => {
    const bytes = encodeClientFrame(f);
    expect(bytes[0]).toBe(f.type);
    expect(decodeClientFrame(bytes)).toEqual({ ok: true, value: f });
  });

  it.each(serverFrames.map((f) => [f.type, f] as const))('server frame type %d', (_, f) => {
    const bytes = encodeServerFrame(f);
    expect(bytes[0]).toBe(f.type);
    expect(decodeServerFrame(bytes)).toEqual({ ok: true, value: f });
  });

  it('specific encoders match the generic ones', () => {
    const [hello, ev, ack, ping, pong, resync, close] = clientFrames as [any, any, any, any, any, any, any];
    expect(encodeClientHello(hello)).toEqual(encodeClientFrame(hello));
    expect(encodeEvent(ev.seq, ev.event)).toEqual(encodeClientFrame(ev));
    expect(encodeAck(ack.seq)).toEqual(encodeClientFrame(ack));
    expect(encodePing(ping.time)).toEqual(encodeClientFrame(ping));
    expect(encodePong(pong.time)).toEqual(encodeClientFrame(pong));
    expect(encodeResyncRequest(resync.lastSeq)).toEqual(encodeClientFrame(resync));
    expect(encodeClose(close.code, close.reason)).toEqual(encodeClientFrame(close));
    const [sh, patches, , full, , , , , err] = serverFrames as any[];
    expect(encodeServerHello(sh)).toEqual(encodeServerFrame(sh));
    expect(encodePatches(patches.seq, patches.patches, patches.eventSeq)).toEqual(encodeServerFrame(patches));
    expect(encodeResyncFull(full.seq, full.nodes)).toEqual(encodeServerFrame(full));
    expect(encodeError(err.code, err.message, err.reload)).toEqual(encodeServerFrame(err));
    expect(encodeError(1, 'm')).toEqual(encodeError(1, 'm', false));
  });

  it('returns independent copies although the encoder reuses its buffer', () => {
    const a = encodeAck(1);
    const copy = a.slice();
    encodeAck(2);
    encodePatches(1, [{ op: Op.SetText, hid: 1, text: 'y'.repeat(100_000) }]);
    expect(a).toEqual(copy);
    expect(a.buffer.byteLength).toBe(a.length);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = encodeAck(5);
    expect(decodeClientFrame(bytes.slice().buffer)).toEqual({ ok: true, value: { type: T.Ack, seq: 5 } });
  });

  it('decodes a frame inside a larger buffer (a Node Buffer view of a pooled slab)', () => {
    const bytes = encodePing(1);
    const slab = new Uint8Array(100);
    slab.set(bytes, 37);
    expect(decodeServerFrame(slab.subarray(37, 37 + bytes.length))).toEqual({ ok: true, value: { type: T.Ping, time: 1 } });
  });

  it('carries frames larger than 64 KiB (length is a varint, not 16 bits)', () => {
    const text = 'z'.repeat(200_000);
    const bytes = encodePatches(3, [{ op: Op.SetText, hid: 1, text }]);
    expect(bytes.length).toBeGreaterThan(200_000);
    // payload length 200_011 (seq, eventSeq, count, op, 3-byte op length, hid, 3-byte string length, text) in 3 bytes
    expect(toHex(bytes.subarray(0, 5))).toBe('0400cb9a0c');
    expect(decodeServerFrame(bytes)).toEqual({ ok: true, value: { type: T.Patches, seq: 3, eventSeq: 0, patches: [{ op: Op.SetText, hid: 1, text }] } });
  });
});

describe('header', () => {
  it('lays out type, flags, varint length', () => {
    expect(toHex(encodeAck(300))).toBe('050002ac02');
    expect(toHex(encodeResyncRequest(0))).toBe('08000100');
  });

  it('ignores reserved flag bits on known frame types', () => {
    const f = frame(T.Ack, 0xfe, '05');
    expect(decodeClientFrame(f)).toEqual({ ok: true, value: { type: T.Ack, seq: 5 } });
  });

  it('drops an unknown frame type flagged Optional and refuses one that is not', () => {
    for (const type of [0x0c, 0x20, 0x40, 0xff, 0x00]) {
      expect(decodeServerFrame(frame(type, FrameFlag.Optional, 'deadbeef'))).toEqual({ ok: true, value: null });
      expect(decodeClientFrame(frame(type, FrameFlag.Optional, ''))).toEqual({ ok: true, value: null });
      expect(decodeServerFrame(frame(type, 0, 'deadbeef'))).toMatchObject({ ok: false, code: ErrorCode.BadFrame });
      expect(decodeClientFrame(frame(type, 0x02, ''))).toMatchObject({ ok: false, code: ErrorCode.BadFrame });
    }
  });

  it('refuses frames sent in the wrong direction', () => {
    expect(decodeServerFrame(encodeAck(1))).toMatchObject({ ok: false, message: 'unexpected frame type 5' });
    expect(decodeServerFrame(encodeEvent(1, { kind: EventKind.Focus, hid: 1 }))).toMatchObject({ ok: false });
    expect(decodeClientFrame(encodePatches(1, []))).toMatchObject({ ok: false, message: 'unexpected frame type 4' });
    expect(decodeClientFrame(encodeError(1, 'x'))).toMatchObject({ ok: false });
  });

  it('refuses a declared length that disagrees with the bytes present', () => {
    const ok = encodePing(1);
    expect(decodeServerFrame(ok.subarray(0, ok.length - 1))).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'truncated' });
    const longer = new Uint8Array(ok.length + 1);
    longer.set(ok);
    expect(decodeServerFrame(longer)).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'trailing bytes' });
    expect(decodeServerFrame(new Uint8Array(0))).toMatchObject({ ok: false, message: 'truncated' });
    expect(decodeServerFrame(Uint8Array.of(6, 0))).toMatchObject({ ok: false, message: 'truncated' });
    expect(decodeServerFrame(Uint8Array.of(6, 0, 0x88))).toMatchObject({ ok: false, message: 'truncated' });
  });

  it('refuses payload bytes left over after a known frame', () => {
    expect(decodeClientFrame(frame(T.Ack, 0, '0500'))).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'trailing bytes' });
    expect(decodeServerFrame(frame(T.Ping, 0, '000000000000f03f00'))).toMatchObject({ ok: false, message: 'trailing bytes' });
  });

  it('refuses a payload that ends early', () => {
    expect(decodeClientFrame(frame(T.Ack, 0, ''))).toMatchObject({ ok: false, message: 'truncated' });
    expect(decodeServerFrame(frame(T.Ping, 0, '0000'))).toMatchObject({ ok: false, message: 'truncated' });
  });

  it('refuses non-boolean flag bytes in ServerHello and Error', () => {
    const hello = encodeServerFrame(serverFrames[0]!);
    const i = hello.indexOf(0, 4 + 4 + 1 + 6); // the resumed byte follows the 6-byte serverTime
    expect(hello[i]).toBe(0);
    const bad = hello.slice();
    bad[i] = 2;
    expect(decodeServerFrame(bad)).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'bad boolean' });
    expect(decodeServerFrame(frame(T.Error, 0, '010003'))).toMatchObject({ ok: false, message: 'bad boolean' });
    expect(decodeServerFrame(frame(T.Error, 0, '010001'))).toEqual({
      ok: true, value: { type: T.Error, code: 1, message: '', reload: true },
    });
  });

  it('passes unknown error and close codes through', () => {
    expect(decodeServerFrame(encodeError(4000, 'future', false))).toMatchObject({ ok: true, value: { code: 4000 } });
    expect(decodeClientFrame(encodeClose(77, 'x'))).toMatchObject({ ok: true, value: { code: 77 } });
  });
});

describe('caps', () => {
  it('refuses a 10 MB declared length at once, without allocating it', () => {
    const claim = Uint8Array.of(T.Patches, 0, 0x80, 0xad, 0xe2, 0x04, 1, 0, 0); // declares 10_000_000 bytes
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const r = decodeServerFrame(claim);
      if (r.ok || r.code !== ErrorCode.FrameTooLarge) throw new Error('accepted');
    }
    expect(performance.now() - t0).toBeLessThan(500);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 << 20);
    expect(decodeServerFrame(claim)).toEqual({ ok: false, code: ErrorCode.FrameTooLarge, message: 'declared length 10000000 over cap 4194304' });
    // With a cap large enough it is still refused: the bytes are not there.
    expect(decodeServerFrame(claim, { ...S2C_LIMITS, maxFrame: 16 << 20 })).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'truncated' });
  });

  it('applies the direction defaults: 64 KiB from clients, 4 MiB from servers', () => {
    const ev = (n: number) => encodeEvent(1, { kind: EventKind.Input, hid: 1, value: 'v'.repeat(n) });
    const fits = ev(C2S_LIMITS.maxFrame - 12); // header 5 + seq, kind, hid, tag 4 + string prefix 3
    expect(fits.length).toBe(C2S_LIMITS.maxFrame);
    expect(decodeClientFrame(fits).ok).toBe(true);
    expect(decodeClientFrame(ev(C2S_LIMITS.maxFrame - 11))).toMatchObject({ ok: false, code: ErrorCode.FrameTooLarge });
    const big = encodePatches(1, [{ op: Op.SetText, hid: 1, text: 'x'.repeat(1 << 20) }, { op: Op.SetText, hid: 1, text: 'x'.repeat(1 << 20) }]);
    expect(decodeServerFrame(big).ok).toBe(true);
    expect(decodeClientFrame(big)).toMatchObject({ ok: false, code: ErrorCode.FrameTooLarge });
    const huge = encodePatches(1, Array.from({ length: 5 }, () => ({ op: Op.SetText, hid: 1, text: 'x'.repeat(1 << 20) })));
    expect(decodeServerFrame(huge)).toMatchObject({ ok: false, code: ErrorCode.FrameTooLarge });
  });

  it('accepts a frame of exactly maxFrame bytes and refuses one byte more', () => {
    const l = { ...S2C_LIMITS, maxFrame: 40 };
    const at = (n: number) => encodeServerFrame({ type: T.Close, code: 0, reason: 'r'.repeat(n) });
    expect(at(35).length).toBe(40);
    expect(decodeServerFrame(at(35), l).ok).toBe(true);
    expect(decodeServerFrame(at(36), l)).toMatchObject({ ok: false, code: ErrorCode.FrameTooLarge });
  });

  it('applies maxString to every string', () => {
    const l = { ...S2C_LIMITS, maxString: 4 };
    expect(decodeServerFrame(encodeError(1, 'four'), l).ok).toBe(true);
    expect(decodeServerFrame(encodeError(1, 'five!'), l)).toMatchObject({ ok: false, code: ErrorCode.LimitExceeded });
  });
});
