import { describe, expect, it } from 'vitest';
import { Op, wireSize } from '../../../src/runtime/vdom/patch.ts';
import type { Patch, WireNode } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { encodePatches, encodeResyncFull } from '../../../src/runtime/protocol/encode-s2c.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import { S2C_LIMITS } from '../../../src/runtime/protocol/limits.ts';
import { fromHex, toHex } from './hex.ts';

const el = (tag: string, attrs: [string, string][], ...children: WireNode[]): WireNode => ({
  kind: Kind.Element, tag, attrs, children,
});
const text = (t: string): WireNode => ({ kind: Kind.Text, text: t });
const raw = (html: string): WireNode => ({ kind: Kind.Raw, html });

const tree = el(
  'section', [['id', 'main'], ['hidden', '']],
  el('h1', [], text('Title')),
  raw('<svg><circle r="1"/></svg>'),
  el('ul', [['class', 'list']], ...Array.from({ length: 20 }, (_, i) => el('li', [['data-i', String(i)]], text('item ' + i)))),
  text(''),
);

const samples: Patch[] = [
  { op: Op.SetText, hid: 1, text: 'hello ✓' },
  { op: Op.SetAttr, hid: 2, name: 'aria-label', value: 'Zoom' },
  { op: Op.RemoveAttr, hid: 2, name: 'disabled' },
  { op: Op.SetProp, hid: 3, name: 'value', value: 'typed' },
  { op: Op.SetProp, hid: 3, name: 'checked', value: true },
  { op: Op.SetProp, hid: 3, name: 'indeterminate', value: false },
  { op: Op.SetProp, hid: 3, name: 'n', value: -0 },
  { op: Op.SetProp, hid: 3, name: 'n', value: 1e300 },
  { op: Op.SetProp, hid: 3, name: 'n', value: Number.NaN },
  { op: Op.Insert, parent: 1, before: 0, first: 100, node: tree },
  { op: Op.Insert, parent: 1, before: 5, first: 200, node: text('t') },
  { op: Op.Remove, hid: 9 },
  { op: Op.Move, parent: 1, hid: 9, before: 0 },
  { op: Op.Replace, hid: 10, first: 300, node: raw('<i>x</i>') },
  { op: Op.Replace, hid: 10, first: 301, node: tree },
  { op: Op.Listen, hid: 11, spec: 'click:prevent input:debounce=300' },
  { op: Op.Listen, hid: 11, spec: '' },
  { op: Op.Focus, hid: 12 },
  { op: Op.Blur, hid: 12 },
  { op: Op.ScrollIntoView, hid: 12, smooth: false },
  { op: Op.ScrollIntoView, hid: 12, smooth: true },
  { op: Op.UrlPush, url: '/a/b?c=d' },
  { op: Op.UrlReplace, url: '' },
  { op: Op.HookEvent, hid: 13, name: 'chart:update', payload: '[1,2,3]' },
  { op: Op.AddClass, hid: 14, name: 'open' },
  { op: Op.RemoveClass, hid: 14, name: 'open' },
  { op: Op.ToggleClass, hid: 14, name: 'dark' },
  { op: Op.Dispatch, hid: 15, name: 'vango:done', detail: '{"ok":true}' },
];

/** `op, len, payload` records for hand-built frames. */
function rec(op: number, payloadHex: string): string {
  const n = payloadHex.length / 2;
  if (n > 127) throw new Error('helper only writes 1-byte lengths');
  return op.toString(16).padStart(2, '0') + n.toString(16).padStart(2, '0') + payloadHex;
}
/** A Patches frame: `seq`, `eventSeq` (both given as varint hex), a 1-byte `count`, then the records. */
function patchesFrame(seqHex: string, eventSeqHex: string, count: number, ...records: string[]): Uint8Array {
  const payload = seqHex + eventSeqHex + count.toString(16).padStart(2, '0') + records.join('');
  const n = payload.length / 2;
  if (n > 127) throw new Error('helper only writes 1-byte lengths');
  return fromHex('0400' + n.toString(16).padStart(2, '0') + payload);
}

describe('patch ops', () => {
  it('every op has a sample', () => {
    expect(new Set(samples.map((p) => p.op))).toEqual(new Set(Object.values(Op)));
  });

  it.each(samples.map((p, i) => [i, p.op, p] as const))('#%d op %d round-trips', (_, __, p) => {
    expect(decodeServerFrame(encodePatches(42, [p]))).toEqual({ ok: true, value: { type: FrameType.Patches, seq: 42, eventSeq: 0, patches: [p] } });
  });

  it('round-trips all samples in one frame, in order', () => {
    const bytes = encodePatches(2 ** 45, samples, 2 ** 45 - 1);
    expect(decodeServerFrame(bytes)).toEqual({
      ok: true, value: { type: FrameType.Patches, seq: 2 ** 45, eventSeq: 2 ** 45 - 1, patches: samples },
    });
  });

  it('frames every op as op, length, payload', () => {
    // seq 1, eventSeq 0, count 2; then Remove(300) and UrlPush('ab'): 3 + 4 + 5 = 12 payload bytes.
    expect(toHex(encodePatches(1, [{ op: Op.Remove, hid: 300 }, { op: Op.UrlPush, url: 'ab' }]))).toBe(
      '04000c' + '010002' + '0602ac02' + '1303026162',
    );
  });

  it('writes eventSeq as a varint between seq and count', () => {
    // seq 1, eventSeq 300 (ac 02), count 1, Remove(5): 1 + 2 + 1 + 3 = 7 payload bytes.
    expect(toHex(encodePatches(1, [{ op: Op.Remove, hid: 5 }], 300))).toBe('040007' + '01' + 'ac02' + '01' + '060105');
    expect(decodeServerFrame(patchesFrame('01', 'ac02', 1, rec(Op.Remove, '05')))).toEqual({
      ok: true, value: { type: FrameType.Patches, seq: 1, eventSeq: 300, patches: [{ op: Op.Remove, hid: 5 }] },
    });
    // eventSeq is read with the same strict varint rules as seq.
    expect(decodeServerFrame(patchesFrame('01', '8000', 1, rec(Op.Remove, '05')))).toMatchObject({ ok: false, message: 'non-canonical varint' });
    // A frame that stops after eventSeq lacks its count.
    expect(decodeServerFrame(fromHex('040002' + '01' + '03'))).toMatchObject({ ok: false, message: 'truncated' });
  });

  it('uses a multi-byte op length for large payloads and still round-trips', () => {
    const big: Patch = { op: Op.SetText, hid: 1, text: 'q'.repeat(200) };
    const b = encodePatches(1, [big, { op: Op.Remove, hid: 2 }]);
    // header 04 00 d4 01 (212 = 3 + 206 + 3), then seq 01, eventSeq 00, count 02, op 01, length 203 = cb 01,
    // hid 01, string length 200 = c8 01
    expect(toHex(b.subarray(0, 13))).toBe('0400d401' + '010002' + '01cb01' + '01c801');
    expect(decodeServerFrame(b)).toMatchObject({ ok: true, value: { patches: [big, { op: Op.Remove, hid: 2 }] } });
  });

  it('encodes subtrees in pre-order and keeps hid arithmetic intact', () => {
    const r = decodeServerFrame(encodePatches(1, [{ op: Op.Insert, parent: 1, before: 0, first: 7, node: tree }]));
    expect(r.ok && r.value?.type === FrameType.Patches && wireSize((r.value.patches[0] as { node: WireNode }).node)).toBe(wireSize(tree));
    expect(toHex(encodePatches(1, [{ op: Op.Insert, parent: 2, before: 0, first: 3, node: el('b', [['x', 'y']], text('t')) }]))).toBe(
      '040014' + '010001' + '050f' + '020003' + '01' + '0162' + '01' + '0178' + '0179' + '01' + '02' + '0174',
    );
  });

  it('skips unknown non-critical ops using their length', () => {
    const f = patchesFrame('07', '03', 3, rec(0x40, 'deadbeef'), rec(Op.Remove, '05'), rec(0x7f, ''));
    expect(decodeServerFrame(f)).toEqual({
      ok: true, value: { type: FrameType.Patches, seq: 7, eventSeq: 3, patches: [{ op: Op.Remove, hid: 5 }] },
    });
    // Ops 10–15 are unassigned gaps in patch.ts; they are skipped too.
    expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(10, '0102')))).toMatchObject({ ok: true, value: { patches: [] } });
  });

  it('refuses unknown critical ops (high bit) and op 0', () => {
    expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(0x80, '00')))).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'unknown critical op 128' });
    expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(0xff, '')))).toMatchObject({ ok: false });
    expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(0, '')))).toMatchObject({ ok: false, message: 'unknown critical op 0' });
  });

  it('refuses an op whose length disagrees with its payload', () => {
    // Remove with an extra byte inside its declared length.
    expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(Op.Remove, '0500')))).toMatchObject({ ok: false, message: 'trailing bytes' });
    // SetText whose string runs past the op's declared end (but not past the frame).
    expect(decodeServerFrame(patchesFrame('01', '00', 2, rec(Op.SetText, '0103'), rec(Op.Remove, '05')))).toMatchObject({ ok: false, message: 'truncated' });
    // An op length past the end of the frame: seq 1, eventSeq 0, count 1, Remove claiming 9 bytes with 1 left.
    expect(decodeServerFrame(fromHex('040006' + '010001' + '0609' + '05'))).toMatchObject({ ok: false, message: 'truncated' });
    // Fewer ops than announced.
    expect(decodeServerFrame(patchesFrame('01', '00', 2, rec(Op.Remove, '05')))).toMatchObject({ ok: false, message: 'truncated' });
  });

  it('refuses a bad prop tag and a bad node kind', () => {
    expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(Op.SetProp, '01' + '0161' + '04')))).toMatchObject({ ok: false, message: 'bad prop tag' });
    for (const kind of ['00', '03', '04', '06', 'ff']) {
      expect(decodeServerFrame(patchesFrame('01', '00', 1, rec(Op.Replace, '0101' + kind + '00')))).toMatchObject({ ok: false, code: ErrorCode.BadFrame });
    }
  });

  it('bounds subtree depth: 512 levels pass, 513 fail, and the encoder refuses deeper trees', () => {
    const chain = (depth: number): WireNode => {
      let n: WireNode = text('leaf');
      for (let i = 1; i < depth; i++) n = el('div', [], n);
      return n;
    };
    const ok = encodePatches(1, [{ op: Op.Insert, parent: 1, before: 0, first: 2, node: chain(512) }]);
    expect(decodeServerFrame(ok).ok).toBe(true);
    expect(() => encodePatches(1, [{ op: Op.Insert, parent: 1, before: 0, first: 2, node: chain(513) }])).toThrow(RangeError);
    expect(decodeServerFrame(ok, { ...S2C_LIMITS, maxDepth: 511 })).toMatchObject({ ok: false, code: ErrorCode.LimitExceeded });
    // A hand-made 100,000-deep chain (each level: element "" no attrs, one child) fails fast, without overflowing the stack.
    const level = [Kind.Element, 0, 0, 1];
    const deep = new Uint8Array(100_000 * 4);
    for (let i = 0; i < deep.length; i += 4) deep.set(level, i);
    const frame = encodeDeepReplace(deep);
    expect(decodeServerFrame(frame)).toMatchObject({ ok: false, code: ErrorCode.LimitExceeded });
  });

  it('bounds attribute and child counts', () => {
    const l = { ...S2C_LIMITS, maxItems: 3 };
    const node = el('p', [['a', '1'], ['b', '2'], ['c', '3']], text('1'), text('2'), text('3'));
    expect(decodeServerFrame(encodeResyncFull(1, [node]), l).ok).toBe(true);
    const moreAttrs = el('p', [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]);
    expect(decodeServerFrame(encodeResyncFull(1, [moreAttrs]), l)).toMatchObject({ ok: false, code: ErrorCode.LimitExceeded });
    const moreKids = el('p', [], text('1'), text('2'), text('3'), text('4'));
    expect(decodeServerFrame(encodeResyncFull(1, [moreKids]), l)).toMatchObject({ ok: false, code: ErrorCode.LimitExceeded });
    expect(decodeServerFrame(encodePatches(1, samples.slice(0, 4)), l)).toMatchObject({ ok: false, code: ErrorCode.LimitExceeded });
    expect(decodeServerFrame(encodeResyncFull(1, [text('a'), text('b'), text('c'), text('d')]), l)).toMatchObject({ ok: false });
  });

  it('round-trips a 1,000-node subtree and a full resync', () => {
    const big = el('table', [], ...Array.from({ length: 333 }, (_, i) => el('tr', [['data-row', String(i)]], el('td', [], text('cell ' + i)))));
    expect(wireSize(big)).toBe(1000);
    const p: Patch = { op: Op.Replace, hid: 1, first: 1, node: big };
    expect(decodeServerFrame(encodePatches(9, [p], 8))).toEqual({ ok: true, value: { type: FrameType.Patches, seq: 9, eventSeq: 8, patches: [p] } });
    expect(decodeServerFrame(encodeResyncFull(9, [big, text('x')]))).toEqual({
      ok: true, value: { type: FrameType.ResyncFull, seq: 9, nodes: [big, text('x')] },
    });
  });

  it('encoder refuses unknown ops and node kinds', () => {
    expect(() => encodePatches(1, [{ op: 99, hid: 1 } as unknown as Patch])).toThrow(RangeError);
    expect(() => encodeResyncFull(1, [{ kind: Kind.Fragment } as unknown as WireNode])).toThrow(RangeError);
  });
});

/** A Patches frame (seq 1, eventSeq 0) holding Replace(hid 1, first 1, <chain>), built byte by byte. */
function encodeDeepReplace(chain: Uint8Array): Uint8Array {
  const varint = (n: number) => {
    const out: number[] = [];
    while (n > 127) {
      out.push((n & 127) | 128);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  const opLen = 2 + chain.length;
  const head = [1, 0, 1, Op.Replace, ...varint(opLen), 1, 1];
  const payloadLen = head.length + chain.length;
  const frameHead = [FrameType.Patches, 0, ...varint(payloadLen), ...head];
  const out = new Uint8Array(frameHead.length + chain.length);
  out.set(frameHead);
  out.set(chain, frameHead.length);
  return out;
}
