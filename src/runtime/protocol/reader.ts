/**
 * Decoding primitives: an offset cursor over a Uint8Array. Every read is bounds-checked against the
 * cursor's end and every declared size against the limits *before* anything is allocated for it.
 * Failures throw ProtocolError, which the exported decoders turn into results.
 */
import { ErrorCode } from './codes.ts';
import { fail } from './errors.ts';
import type { Limits } from './limits.ts';

export interface Reader {
  b: Uint8Array;
  /** Read position. */
  p: number;
  /** End of the readable region (the frame end, or the end of the current op). */
  e: number;
  l: Limits;
}

/** A reader positioned at the start of a frame payload. */
export interface FrameReader extends Reader {
  /** Frame type. */
  t: number;
  /** Frame flags. */
  f: number;
}

export function truncated(): never {
  return fail(ErrorCode.BadFrame, 'truncated');
}

export function rU8(r: Reader): number {
  if (r.p >= r.e) truncated();
  return r.b[r.p++];
}

export function rBool(r: Reader): boolean {
  const x = rU8(r);
  if (x > 1) fail(ErrorCode.BadFrame, 'bad boolean');
  return x === 1;
}

/**
 * Unsigned LEB128, at most 8 bytes. Rejects values above 2^53-1 and non-canonical (zero-padded)
 * encodings, so every number has exactly one encoding.
 */
export function rVarint(r: Reader): number {
  const b = r.b;
  const e = r.e;
  let p = r.p;
  if (p >= e) truncated();
  let c = b[p++];
  if (c < 128) {
    r.p = p;
    return c;
  }
  let x = c & 127;
  let m = 128;
  for (let i = 1; ; i++) {
    if (p >= e) truncated();
    c = b[p++];
    // The 8th byte holds bits 49..55; only bits 49..52 fit below 2^53.
    if (i === 7 && c > 15) fail(ErrorCode.BadFrame, 'varint overflow');
    x += (c & 127) * m;
    if (c < 128) {
      if (c === 0) fail(ErrorCode.BadFrame, 'non-canonical varint');
      r.p = p;
      return x;
    }
    m *= 128;
  }
}

export function rZigzag(r: Reader): number {
  const u = rVarint(r);
  return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
}

const fb = /* @__PURE__ */ new Uint8Array(8);
const fv = /* @__PURE__ */ new DataView(fb.buffer);

/** IEEE 754 binary64, little-endian. */
export function rF64(r: Reader): number {
  if (r.e - r.p < 8) truncated();
  for (let i = 0; i < 8; i++) fb[i] = r.b[r.p++];
  return fv.getFloat64(0, true);
}

/** Checks a declared byte length against the limit and the bytes present. */
function rLen(r: Reader, max: number): number {
  const n = rVarint(r);
  if (n > max) fail(ErrorCode.LimitExceeded, 'length ' + n + ' over limit ' + max);
  if (n > r.e - r.p) truncated();
  return n;
}

// ignoreBOM: a leading U+FEFF is data, not a marker to strip.
const dec = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8: overlong forms, surrogates and truncated sequences are refused (BadFrame). */
export function rStr(r: Reader): string {
  const n = rLen(r, r.l.maxString);
  const p = r.p;
  let s: string;
  try {
    s = dec.decode(r.b.subarray(p, p + n));
  } catch {
    return fail(ErrorCode.BadFrame, 'invalid UTF-8');
  }
  r.p = p + n;
  return s;
}

export function rBytes(r: Reader): Uint8Array {
  const n = rLen(r, r.l.maxString);
  return r.b.slice(r.p, (r.p += n));
}

/**
 * A collection size. Every item takes at least one byte, so a count larger than the bytes left is
 * refused before any loop runs.
 */
export function rCount(r: Reader): number {
  const n = rVarint(r);
  if (n > r.l.maxItems) fail(ErrorCode.LimitExceeded, n + ' items over limit ' + r.l.maxItems);
  if (n > r.e - r.p) truncated();
  return n;
}

/** Fails unless the region was consumed exactly. */
export function rEnd(r: Reader): void {
  if (r.p !== r.e) fail(ErrorCode.BadFrame, 'trailing bytes');
}

/**
 * Parses the frame header and checks the declared length against the cap and against the bytes
 * present. Nothing is allocated from the declared length.
 */
export function openFrame(input: Uint8Array | ArrayBuffer, l: Limits): FrameReader {
  const b = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (b.length > l.maxFrame) fail(ErrorCode.FrameTooLarge, 'frame of ' + b.length + ' bytes over cap ' + l.maxFrame);
  if (b.length < 3) truncated();
  const r: FrameReader = { b, p: 2, e: b.length, l, t: b[0], f: b[1] };
  const n = rVarint(r);
  if (r.p + n > l.maxFrame) fail(ErrorCode.FrameTooLarge, 'declared length ' + n + ' over cap ' + l.maxFrame);
  if (r.p + n !== b.length) fail(ErrorCode.BadFrame, r.p + n > b.length ? 'truncated' : 'trailing bytes');
  return r;
}
