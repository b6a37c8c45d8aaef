/**
 * Property and fuzz tests. Decoders must return a result for any input: never throw, never hang,
 * never fail with anything but a ProtocolError (an `internal:` message would reveal a TypeError or
 * RangeError escaping the readers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import { ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { decodeClientFrame } from '../../../src/runtime/protocol/decode-c2s.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { encodeClientFrame } from '../../../src/runtime/protocol/encode-c2s.ts';
import { encodeServerFrame } from '../../../src/runtime/protocol/encode-s2c.ts';
import type { ClientFrame, ServerFrame } from '../../../src/runtime/protocol/frames.ts';
import type { Patch } from '../../../src/runtime/vdom/patch.ts';
import { clientFrame, node, serverFrame } from './arbitraries.ts';
import { encodeCase, goldenCases } from './golden-cases.ts';

const codes = new Set<number>(Object.values(ErrorCode));
let fed = 0;
let slowest = 0;
/** Outcomes per failure message (and 'ok'), to show the fuzzing reaches past the header checks. */
const outcomes = new Map<string, number>();

/** Feeds one input to both decoders and checks the outcome is a clean result. */
function feed(bytes: Uint8Array): void {
  fed++;
  check(bytes, decodeClientFrame, encodeClientFrame as (f: ClientFrame | ServerFrame) => Uint8Array);
  check(bytes, decodeServerFrame, encodeServerFrame as (f: ClientFrame | ServerFrame) => Uint8Array);
}

function check(
  bytes: Uint8Array,
  decode: (b: Uint8Array) => ReturnType<typeof decodeClientFrame> | ReturnType<typeof decodeServerFrame>,
  encode: (f: ClientFrame | ServerFrame) => Uint8Array,
): void {
  const t0 = performance.now();
  const r = decode(bytes);
  slowest = Math.max(slowest, performance.now() - t0);
  const key = r.ok ? 'ok' : r.message.replace(/\d+/g, 'N');
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  if (!r.ok) {
    if (r.message.startsWith('internal') || !codes.has(r.code)) throw new Error(`unclean failure ${r.code}: ${r.message}`);
    return;
  }
  // Whatever decodes must re-encode to something that decodes to the same value.
  if (r.value) expect(decode(encode(r.value))).toEqual(r);
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function withHeader(type: number, flags: number, payload: Uint8Array): Uint8Array {
  const head = [type, flags, ...varint(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

/** Splits a valid frame into header fields and payload. */
function split(frame: Uint8Array): { type: number; flags: number; payload: Uint8Array } {
  let p = 2;
  while (frame[p]! > 127) p++;
  return { type: frame[0]!, flags: frame[1]!, payload: frame.subarray(p + 1) };
}

type Mutation =
  | { t: 'flip'; at: number; bit: number }
  | { t: 'set'; at: number; v: number }
  | { t: 'truncate'; at: number }
  | { t: 'insert'; at: number; bytes: Uint8Array }
  | { t: 'delete'; at: number; n: number }
  | { t: 'length'; v: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ t: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ t: fc.constant('set' as const), at: fc.nat(), v: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff, 0xc3, 0xed) }),
  fc.record({ t: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ t: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ t: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ t: fc.constant('length' as const), v: fc.oneof(fc.nat(300), fc.maxSafeNat()) }),
);

function mutate(b: Uint8Array, m: Mutation): Uint8Array {
  const n = b.length;
  switch (m.t) {
    case 'flip': {
      if (!n) return b;
      const c = b.slice();
      c[m.at % n]! ^= 1 << m.bit;
      return c;
    }
    case 'set': {
      if (!n) return b;
      const c = b.slice();
      c[m.at % n] = m.v;
      return c;
    }
    case 'truncate':
      return b.slice(0, m.at % (n + 1));
    case 'insert': {
      const at = m.at % (n + 1);
      const c = new Uint8Array(n + m.bytes.length);
      c.set(b.subarray(0, at));
      c.set(m.bytes, at);
      c.set(b.subarray(at), at + m.bytes.length);
      return c;
    }
    case 'delete': {
      const at = m.at % (n + 1);
      return Uint8Array.of(...b.subarray(0, at), ...b.subarray(at + m.n));
    }
    case 'length': {
      // Replace the header's length varint, keeping type, flags and payload.
      if (n < 3) return b;
      const { type, flags, payload } = split(b);
      return Uint8Array.of(type, flags, ...varint(m.v), ...payload);
    }
  }
}

/** Ops of a few bytes each, for batches in which op codes are a large share of the bytes. */
const small = fc.nat(300);
const shortOp: fc.Arbitrary<Patch> = fc.oneof(
  fc.record({ op: fc.constantFrom(Op.Remove, Op.Focus, Op.Blur), hid: small }),
  fc.record({ op: fc.constant(Op.Move), parent: small, hid: small, before: small }),
  fc.record({ op: fc.constant(Op.ScrollIntoView), hid: small, smooth: fc.boolean() }),
  fc.record({ op: fc.constant(Op.SetText), hid: small, text: fc.string({ maxLength: 3 }) }),
  fc.record({ op: fc.constant(Op.UrlPush), url: fc.string({ maxLength: 3 }) }),
) as fc.Arbitrary<Patch>;

// A fixed pool of valid frames to mutate: sampled messages, the golden cases, large frames whose
// op lengths and string prefixes take several bytes, and op-dense batches. Most bytes of sampled
// batches are strings and subtrees, so without the op-dense ones too few mutations land on an op
// code to exercise the unknown-op rules.
const pool: Uint8Array[] = [
  ...fc.sample(clientFrame, { numRuns: 300, seed: 1 }).map(encodeClientFrame),
  ...fc.sample(serverFrame, { numRuns: 300, seed: 2 }).map(encodeServerFrame),
  ...goldenCases.map(encodeCase),
  ...fc.sample(fc.array(node, { minLength: 5, maxLength: 30 }), { numRuns: 20, seed: 3 }).map((nodes) =>
    encodeServerFrame({
      type: 4, seq: 1, eventSeq: 0, patches: nodes.map((n, i) => ({ op: Op.Insert, parent: 1, before: 0, first: i + 2, node: n })),
    }),
  ),
  ...fc.sample(fc.tuple(small, small, fc.array(shortOp, { minLength: 8, maxLength: 24 })), { numRuns: 30, seed: 4 }).map(
    ([seq, eventSeq, patches]) => encodeServerFrame({ type: 4, seq: seq + 1, eventSeq, patches }),
  ),
];

describe('round trips of arbitrary messages', () => {
  it('client frames', () => {
    fc.assert(
      fc.property(clientFrame, (f) => {
        expect(decodeClientFrame(encodeClientFrame(f))).toEqual({ ok: true, value: f });
      }),
      { numRuns: 4000 },
    );
  });

  it('server frames', () => {
    fc.assert(
      fc.property(serverFrame, (f) => {
        expect(decodeServerFrame(encodeServerFrame(f))).toEqual({ ok: true, value: f });
      }),
      { numRuns: 3000 },
    );
  });

  it('encoding is deterministic and canonical: decode then encode gives the same bytes', () => {
    for (const bytes of pool) {
      const c = decodeClientFrame(bytes);
      const s = decodeServerFrame(bytes);
      const back = c.ok && c.value ? encodeClientFrame(c.value) : s.ok && s.value ? encodeServerFrame(s.value) : undefined;
      expect(back).toEqual(bytes);
    }
  });
});

describe('hostile input', () => {
  it('random byte strings', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 48 }), (b) => feed(b)), { numRuns: 25_000 });
  });

  it('random payloads behind a well-formed header, for every known and some unknown types', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.nat(3), fc.uint8Array({ maxLength: 96 }), (type, flags, payload) =>
        feed(withHeader(type, flags, payload)),
      ),
      { numRuns: 35_000 },
    );
  });

  it('mutated valid frames, raw and with the length field repaired', () => {
    fc.assert(
      fc.property(fc.nat(pool.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (i, ms, repair) => {
        const frame = pool[i]!;
        if (repair) {
          const { type, flags, payload } = split(frame);
          feed(withHeader(type, flags, ms.reduce(mutate, payload.slice())));
        } else feed(ms.reduce(mutate, frame));
      }),
      { numRuns: 45_000 },
    );
  });

  it('huge declared sizes inside a frame are refused without allocation or looping', () => {
    const huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]; // 2^53-1
    const items = 'N items over limit N';
    // Patches payloads start seq 1, eventSeq 0; the Event ones seq 1, kind, hid 1.
    const frames: [Uint8Array, 's2c' | 'c2s', string][] = [
      [withHeader(4, 0, Uint8Array.of(1, 0, ...huge)), 's2c', items], // op count
      [withHeader(4, 0, Uint8Array.of(1, 0, 1, 1, ...huge)), 's2c', 'truncated'], // op length
      [withHeader(4, 0, Uint8Array.of(1, 0, 1, 1, 9, 1, ...huge)), 's2c', 'length N over limit N'], // string length inside SetText
      [withHeader(9, 0, Uint8Array.of(1, 1, 1, 0, ...huge)), 's2c', items], // attribute count
      [withHeader(3, 0, Uint8Array.of(1, 6, 1, ...huge)), 'c2s', items], // form field count
      [withHeader(3, 0, Uint8Array.of(1, 28, 1, 0, 0x80, 0x80, 0x80, 0x80, 0x01)), 'c2s', items], // touches, 2^28
    ];
    const t0 = performance.now();
    for (const [f, dir, message] of frames) {
      for (let k = 0; k < 1000; k++) feed(f);
      const r = dir === 's2c' ? decodeServerFrame(f) : decodeClientFrame(f);
      expect(r.ok ? 'ok' : r.message.replace(/\d+/g, 'N')).toBe(message);
      const other = dir === 's2c' ? decodeClientFrame(f) : decodeServerFrame(f);
      expect(other).toMatchObject({ ok: false, code: ErrorCode.BadFrame });
    }
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  // Runs last (tests in a file run in order): tallies the hostile-input tests above.
  it('fed at least 100,000 hostile frames, none slow enough to suggest a hang, reaching deep checks', () => {
    expect(fed).toBeGreaterThanOrEqual(100_000);
    expect(slowest).toBeLessThan(250);
    for (const key of [
      'ok', 'truncated', 'trailing bytes', 'invalid UTF-N', 'unknown event kind N', 'unknown critical op N',
      'bad node kind N', 'non-canonical varint', 'varint overflow', 'bad boolean', 'unexpected frame type N',
      'declared length N over cap N', 'N items over limit N', 'reserved event flag bits set',
    ]) {
      expect(outcomes.get(key) ?? 0, key).toBeGreaterThan(50);
    }
  });
});
