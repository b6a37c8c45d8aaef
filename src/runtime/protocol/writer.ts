/**
 * Encoding primitives over a growable, reusable byte buffer. Encoders write a frame into one shared
 * scratch writer and copy out exactly the frame's bytes, so steady-state encoding allocates only the
 * returned Uint8Array.
 */

export interface Writer {
  b: Uint8Array;
  v: DataView;
  p: number;
}

/** Bytes reserved in front of a frame payload: type, flags and up to an 8-byte varint length. */
const HEAD = 10;

export function createWriter(size = 4096): Writer {
  const b = new Uint8Array(Math.max(size, 64));
  return { b, v: new DataView(b.buffer), p: 0 };
}

/** Makes room for `n` more bytes. */
export function reserve(w: Writer, n: number): void {
  if (w.p + n > w.b.length) {
    let size = w.b.length * 2;
    while (size < w.p + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(w.b.subarray(0, w.p));
    w.b = b;
    w.v = new DataView(b.buffer);
  }
}

/** Number of bytes the varint encoding of `x` takes. */
export function varintSize(x: number): number {
  let n = 1;
  while (x > 127) {
    x = Math.floor(x / 128);
    n++;
  }
  return n;
}

/** Writes an already validated varint at `p` without bounds checks; returns the next position. */
function putVarint(b: Uint8Array, p: number, x: number): number {
  if (x >>> 0 === x) {
    while (x > 127) {
      b[p++] = (x & 127) | 128;
      x >>>= 7;
    }
  } else {
    // Past 2^32 bit operators would truncate: use arithmetic.
    while (x > 127) {
      b[p++] = (x % 128) | 128;
      x = Math.floor(x / 128);
    }
  }
  b[p++] = x;
  return p;
}

export function wU8(w: Writer, x: number): void {
  reserve(w, 1);
  w.b[w.p++] = x;
}

export function wBool(w: Writer, x: boolean): void {
  wU8(w, x ? 1 : 0);
}

/** Unsigned LEB128; `x` must be an integer in [0, 2^53-1]. */
export function wVarint(w: Writer, x: number): void {
  if (x >>> 0 !== x && !(Number.isSafeInteger(x) && x >= 0)) throw new RangeError('not a varint: ' + x);
  reserve(w, 8);
  w.p = putVarint(w.b, w.p, x);
}

/** ZigZag signed varint; `x` is rounded to an integer and must lie in [-2^52, 2^52-1]. */
export function wZigzag(w: Writer, x: number): void {
  x = Math.round(x);
  if (!(x >= -0x10000000000000 && x < 0x10000000000000)) throw new RangeError('not a zigzag int: ' + x);
  wVarint(w, x >= 0 ? x * 2 : -x * 2 - 1);
}

/** IEEE 754 binary64, little-endian. */
export function wF64(w: Writer, x: number): void {
  reserve(w, 8);
  w.v.setFloat64(w.p, x, true);
  w.p += 8;
}

const enc = /* @__PURE__ */ new TextEncoder();

/**
 * Varint byte length + UTF-8 bytes. Lone surrogates become U+FFFD (TextEncoder semantics). The bytes
 * are written after a prefix sized for the worst case (3 bytes per UTF-16 unit), then moved back when
 * the real length needs a shorter prefix, so the length stays canonical.
 */
export function wStr(w: Writer, s: string): void {
  const n = s.length;
  // Short ASCII strings (tags, attribute names, most texts) are copied directly: TextEncoder's call
  // overhead dominates at these sizes.
  if (n < 64) {
    reserve(w, n + 1);
    const b = w.b;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) break;
      b[w.p + 1 + i] = c;
    }
    if (i === n) {
      b[w.p] = n;
      w.p += n + 1;
      return;
    }
  }
  const hs = varintSize(n * 3);
  reserve(w, hs + n * 3);
  const start = w.p + hs;
  const len = enc.encodeInto(s, w.b.subarray(start)).written;
  const real = varintSize(len);
  if (real < hs) w.b.copyWithin(w.p + real, start, start + len);
  w.p = putVarint(w.b, w.p, len) + len;
}

/** Varint byte length + raw bytes. */
export function wBytes(w: Writer, x: Uint8Array): void {
  wVarint(w, x.length);
  reserve(w, x.length);
  w.b.set(x, w.p);
  w.p += x.length;
}

/** Starts a length-prefixed section; returns its start for `endLen`. One byte is reserved. */
export function beginLen(w: Writer): number {
  reserve(w, 1);
  return ++w.p;
}

/** Writes the length of the section started at `start`, moving it right if the prefix needs > 1 byte. */
export function endLen(w: Writer, start: number): void {
  const n = w.p - start;
  if (n < 128) {
    w.b[start - 1] = n;
    return;
  }
  const extra = varintSize(n) - 1;
  reserve(w, extra);
  w.b.copyWithin(start + extra, start, w.p);
  putVarint(w.b, start - 1, n);
  w.p += extra;
}

const shared = /* @__PURE__ */ createWriter();

/** Starts a frame in the shared writer; the payload is written right after the reserved header. */
export function beginFrame(): Writer {
  shared.p = HEAD;
  return shared;
}

/** Puts the header in front of the payload and returns a copy of the complete frame. */
export function endFrame(w: Writer, type: number, flags = 0): Uint8Array {
  const n = w.p - HEAD;
  const s = HEAD - 2 - varintSize(n);
  w.b[s] = type;
  w.b[s + 1] = flags;
  putVarint(w.b, s + 2, n);
  return w.b.slice(s, w.p);
}
