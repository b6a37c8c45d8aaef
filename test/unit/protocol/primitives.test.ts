import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { ProtocolError } from '../../../src/runtime/protocol/errors.ts';
import { S2C_LIMITS } from '../../../src/runtime/protocol/limits.ts';
import type { Limits } from '../../../src/runtime/protocol/limits.ts';
import {
  rBytes, rCount, rF64, rStr, rVarint, rZigzag,
} from '../../../src/runtime/protocol/reader.ts';
import type { Reader } from '../../../src/runtime/protocol/reader.ts';
import {
  beginLen, createWriter, endLen, reserve, varintSize, wBytes, wF64, wStr, wU8, wVarint, wZigzag,
} from '../../../src/runtime/protocol/writer.ts';
import type { Writer } from '../../../src/runtime/protocol/writer.ts';
import { fromHex, toHex } from './hex.ts';

function bytesOf(write: (w: Writer) => void): Uint8Array {
  const w = createWriter(64);
  write(w);
  return w.b.slice(0, w.p);
}

function reader(b: Uint8Array, l: Limits = S2C_LIMITS): Reader {
  return { b, p: 0, e: b.length, l };
}

/** Runs a read and returns its value plus how many bytes it consumed, or the protocol error. */
function read<T>(hex: string | Uint8Array, f: (r: Reader) => T, l?: Limits) {
  const r = reader(typeof hex === 'string' ? fromHex(hex) : hex, l);
  try {
    return { value: f(r), used: r.p };
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe('varint', () => {
  const known: [number, string][] = [
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [16383, 'ff7f'],
    [16384, '808001'],
    [2 ** 31 - 1, 'ffffffff07'],
    [2 ** 31, '8080808008'],
    [2 ** 32 - 1, 'ffffffff0f'],
    [2 ** 32, '8080808010'],
    [1700000000000, '80d095ffbc31'],
    [2 ** 53 - 1, 'ffffffffffffff0f'],
  ];

  it.each(known)('%d encodes as %s and back', (n, hex) => {
    expect(toHex(bytesOf((w) => wVarint(w, n)))).toBe(hex);
    expect(varintSize(n)).toBe(hex.length / 2);
    expect(read(hex, rVarint)).toEqual({ value: n, used: hex.length / 2 });
  });

  it('round-trips every power of two ±1 up to 2^53-1', () => {
    for (let k = 0; k <= 53; k++) {
      for (const n of [2 ** k - 1, 2 ** k, 2 ** k + 1]) {
        if (n > Number.MAX_SAFE_INTEGER) continue;
        const b = bytesOf((w) => wVarint(w, n));
        expect(b.length).toBe(varintSize(n));
        expect(read(b, rVarint)).toEqual({ value: n, used: b.length });
      }
    }
  });

  it('round-trips arbitrary safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const b = bytesOf((w) => wVarint(w, n));
        expect(read(b, rVarint)).toEqual({ value: n, used: b.length });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['8080808080808010', 'varint overflow'], // 2^53
    ['ffffffffffffff7f', 'varint overflow'], // 2^56-1
    ['ffffffffffffffff01', 'varint overflow'], // 9 bytes
    ['ffffffffffffffffffff01', 'varint overflow'], // 11 bytes
    ['8000', 'non-canonical varint'],
    ['ff8000', 'non-canonical varint'],
    ['80', 'truncated'],
    ['', 'truncated'],
  ])('refuses %s (%s)', (hex, message) => {
    expect(read(hex, rVarint)).toEqual({ code: ErrorCode.BadFrame, message });
  });

  it.each([-1, 1.5, 2 ** 53, Number.NaN, Infinity])('encoder refuses %d', (n) => {
    expect(() => bytesOf((w) => wVarint(w, n))).toThrow(RangeError);
  });
});

describe('zigzag', () => {
  it.each([
    [0, '00'],
    [-1, '01'],
    [1, '02'],
    [-2, '03'],
    [-64, '7f'],
    [64, '8001'],
    [2 ** 52 - 1, 'feffffffffffff0f'],
    [-(2 ** 52), 'ffffffffffffff0f'],
  ])('%d encodes as %s and back', (n, hex) => {
    expect(toHex(bytesOf((w) => wZigzag(w, n)))).toBe(hex);
    expect(read(hex, rZigzag).value).toBe(n);
  });

  it('rounds fractional input (DOM coordinates may be fractional)', () => {
    expect(read(bytesOf((w) => wZigzag(w, 10.6)), rZigzag).value).toBe(11);
    expect(read(bytesOf((w) => wZigzag(w, -3.2)), rZigzag).value).toBe(-3);
  });

  it.each([2 ** 52, -(2 ** 52) - 2, Number.NaN, -Infinity])('encoder refuses %d', (n) => {
    expect(() => bytesOf((w) => wZigzag(w, n))).toThrow(RangeError);
  });
});

describe('float64', () => {
  it('is little-endian IEEE 754', () => {
    expect(toHex(bytesOf((w) => wF64(w, 1)))).toBe('000000000000f03f');
    expect(toHex(bytesOf((w) => wF64(w, -1.5)))).toBe('000000000000f8bf');
  });

  it('round-trips every double bit-exactly (NaN, -0, infinities)', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(Object.is(read(bytesOf((w) => wF64(w, x)), rF64).value, x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses fewer than 8 bytes', () => {
    expect(read('00000000000000', rF64).message).toBe('truncated');
  });
});

describe('string', () => {
  it.each([
    ['', '00'],
    ['abc', '03616263'],
    ['é', '02c3a9'],
    ['€', '03e282ac'],
    ['😀', '04f09f9880'],
    ['\uFEFFx', '04efbbbf78'],
  ])('%j encodes as %s and back', (s, hex) => {
    expect(toHex(bytesOf((w) => wStr(w, s)))).toBe(hex);
    expect(read(hex, rStr)).toEqual({ value: s, used: hex.length / 2 });
  });

  it('keeps a leading byte-order mark (TextDecoder would strip it by default)', () => {
    const s = '\uFEFF' + 'é'.repeat(40);
    expect(read(bytesOf((w) => wStr(w, s)), rStr).value).toBe(s);
  });

  it('replaces lone surrogates with U+FFFD, as TextEncoder does', () => {
    for (const s of ['\uD800', 'a\uDC00b', '€'.repeat(50) + '\uDBFF', 'x'.repeat(200) + '\uD83D']) {
      const b = bytesOf((w) => wStr(w, s));
      expect(b).toEqual(bytesOf((w) => wStr(w, new TextDecoder().decode(new TextEncoder().encode(s)))));
      expect(read(b, rStr).value).toBe(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
    }
  });

  it('uses a canonical length prefix around the 127/128 byte boundary', () => {
    for (const s of [
      'a'.repeat(127), 'a'.repeat(128), 'é'.repeat(63), 'é'.repeat(64), '€'.repeat(42), '€'.repeat(43), '€'.repeat(127),
      '€'.repeat(128), '😀'.repeat(40), '😀'.repeat(63), '😀'.repeat(64),
    ]) {
      const b = bytesOf((w) => wStr(w, s));
      const n = new TextEncoder().encode(s).length;
      expect(b.length).toBe(varintSize(n) + n);
      expect(read(b, rVarint).value).toBe(n);
      expect(read(b, rStr)).toEqual({ value: s, used: b.length });
    }
  });

  it('round-trips arbitrary well-formed strings, short and long', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string()),
        (s) => {
          const b = bytesOf((w) => wStr(w, s));
          const utf8 = new TextEncoder().encode(s);
          expect(b.subarray(varintSize(utf8.length))).toEqual(utf8);
          expect(read(b, rStr)).toEqual({ value: s, used: b.length });
        },
      ),
      { numRuns: 800 },
    );
  });

  it('handles a 3 MB string and grows the writer', () => {
    const s = 'ab€'.repeat(1 << 20);
    const b = bytesOf((w) => wStr(w, s));
    expect(read(b, rStr, { ...S2C_LIMITS, maxString: 8 << 20 }).value).toBe(s);
  });

  it.each([
    ['02c328', 'invalid continuation'],
    ['02c080', 'overlong NUL'],
    ['03eda080', 'UTF-16 surrogate'],
    ['01ff', 'invalid byte'],
    ['04f4908080', 'above U+10FFFF'],
    ['01c3', 'truncated sequence'],
  ])('refuses invalid UTF-8 %s (%s)', (hex) => {
    expect(read(hex, rStr)).toEqual({ code: ErrorCode.BadFrame, message: 'invalid UTF-8' });
  });

  it('accepts and refuses exactly what a fatal TextDecoder does, on both the short and long paths', () => {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    // Byte soup biased towards UTF-8 lead/continuation bytes and boundary values.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.boolean(), (bytes, pad) => {
        // `pad` pushes a short sequence past 64 bytes with ASCII so the TextDecoder path sees it too.
        const body = Uint8Array.from(pad ? [...bytes, ...new Array(70).fill(0x61)] : bytes);
        let expected: string | undefined;
        try {
          expected = td.decode(body);
        } catch {
          expected = undefined;
        }
        const frame = bytesOf((w) => {
          wVarint(w, body.length);
          reserve(w, body.length);
          w.b.set(body, w.p);
          w.p += body.length;
        });
        const got = read(frame, rStr);
        if (expected === undefined) expect(got).toEqual({ code: ErrorCode.BadFrame, message: 'invalid UTF-8' });
        else expect(got).toEqual({ value: expected, used: frame.length });
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a string over maxString and one longer than the bytes present', () => {
    const l = { ...S2C_LIMITS, maxString: 3 };
    expect(read('0461626364', rStr, l)).toMatchObject({ code: ErrorCode.LimitExceeded });
    expect(read('03616263', rStr, l).value).toBe('abc');
    expect(read('056162', rStr)).toEqual({ code: ErrorCode.BadFrame, message: 'truncated' });
  });
});

describe('bytes, counts and length-prefixed sections', () => {
  it('round-trips bytes', () => {
    const x = new Uint8Array([0, 1, 255]);
    expect(toHex(bytesOf((w) => wBytes(w, x)))).toBe('030001ff');
    expect(read('030001ff', rBytes).value).toEqual(x);
  });

  it('refuses a count larger than the bytes left or the item limit, before looping', () => {
    expect(read('05010203', rCount).message).toBe('truncated');
    expect(read('ffffffffffffff0f', rCount)).toMatchObject({ code: ErrorCode.LimitExceeded });
    expect(read('0401020304', rCount, { ...S2C_LIMITS, maxItems: 3 })).toMatchObject({ code: ErrorCode.LimitExceeded });
    expect(read('03010203', rCount).value).toBe(3);
  });

  it('endLen writes a 1-byte length in place and moves longer sections right', () => {
    for (const n of [0, 1, 127, 128, 300, 20000]) {
      const b = bytesOf((w) => {
        wU8(w, 0xaa);
        const s = beginLen(w);
        for (let i = 0; i < n; i++) wU8(w, i & 255);
        endLen(w, s);
        wU8(w, 0xbb);
      });
      const r = reader(b);
      r.p = 1;
      expect(rVarint(r)).toBe(n);
      expect(b.length).toBe(1 + varintSize(n) + n + 1);
      expect(b.subarray(r.p, r.p + n)).toEqual(Uint8Array.from({ length: n }, (_, i) => i & 255));
      expect(b[b.length - 1]).toBe(0xbb);
    }
  });
});
