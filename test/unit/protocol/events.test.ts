import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { decodeClientFrame } from '../../../src/runtime/protocol/decode-c2s.ts';
import { encodeEvent } from '../../../src/runtime/protocol/encode-c2s.ts';
import { EventKind as E, Mod, PointerKind, DeltaMode } from '../../../src/runtime/protocol/events.ts';
import type { WireEvent } from '../../../src/runtime/protocol/events.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import { fromHex, toHex } from './hex.ts';

const all = Mod.Shift | Mod.Ctrl | Mod.Alt | Mod.Meta;
const mouse = { mods: all, x: -5, y: 70_000, button: 2, buttons: 6 };
const samples: WireEvent[] = [
  { kind: E.Click, hid: 1, mods: 0 },
  { kind: E.Click, hid: 1, mods: all, point: { x: 0, y: 0 } },
  { kind: E.DblClick, hid: 2 ** 40, mods: Mod.Alt, point: { x: -100_000, y: 3 } },
  { kind: E.ContextMenu, hid: 3, mods: Mod.Ctrl },
  { kind: E.Input, hid: 4, value: '' },
  { kind: E.Input, hid: 4, value: 'naïve ☃ 😀' },
  { kind: E.Change, hid: 4, value: false },
  { kind: E.Change, hid: 4, value: true },
  { kind: E.Change, hid: 4, value: [] },
  { kind: E.Change, hid: 4, value: ['x', '', 'ÿ'] },
  { kind: E.Submit, hid: 5, fields: [] },
  { kind: E.Submit, hid: 5, fields: [['a', '1'], ['a', '2'], ['', 'é'.repeat(100)]] },
  { kind: E.Focus, hid: 6 },
  { kind: E.Blur, hid: 0 },
  { kind: E.KeyDown, hid: 7, mods: 0, repeat: false, composing: false, key: 'a', code: 'KeyA' },
  { kind: E.KeyUp, hid: 7, mods: all, repeat: true, composing: true, key: 'Process', code: '' },
  ...([E.MouseDown, E.MouseUp, E.MouseMove, E.MouseEnter, E.MouseLeave, E.MouseOver, E.MouseOut] as const).map(
    (kind): WireEvent => ({ kind, hid: 8, ...mouse }),
  ),
  ...([
    E.PointerDown, E.PointerUp, E.PointerMove, E.PointerEnter, E.PointerLeave, E.PointerOver, E.PointerOut,
    E.PointerCancel,
  ] as const).map(
    (kind, i): WireEvent => ({
      kind, hid: 9, ...mouse, button: -1, primary: i % 2 === 0, pointerType: i % 4, pointerId: i - 1,
    }),
  ),
  { kind: E.Scroll, hid: 10, top: 123_456, left: -7 },
  { kind: E.Wheel, hid: 11, mods: Mod.Ctrl, dx: 0.25, dy: -4.000244140625, mode: DeltaMode.Line },
  { kind: E.TouchStart, hid: 12, mods: 0, touches: [], changed: [] },
  {
    kind: E.TouchMove, hid: 12, mods: Mod.Shift,
    touches: [{ id: 0, x: 1, y: 2 }, { id: 1, x: -3, y: 4 }], changed: [{ id: 1, x: -3, y: 4 }],
  },
  { kind: E.TouchEnd, hid: 12, mods: 0, touches: [], changed: [{ id: 2 ** 31, x: 0, y: 0 }] },
  { kind: E.TouchCancel, hid: 12, mods: 0, touches: [{ id: -1, x: 5, y: 5 }], changed: [] },
  { kind: E.Hook, hid: 13, name: 'sort', payload: '{"from":1,"to":3}' },
  { kind: E.Navigate, hid: 0, path: '/users/42?tab=a#b', replace: false },
  { kind: E.Navigate, hid: 14, path: '/', replace: true },
  { kind: E.Custom, hid: 15, name: 'my:evt', payload: '' },
];

function roundTrip(seq: number, event: WireEvent) {
  return decodeClientFrame(encodeEvent(seq, event));
}

describe('events', () => {
  it('every kind has a sample', () => {
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(Object.values(E)));
  });

  it.each(samples.map((e, i) => [i, e.kind, e] as const))('#%d kind %d round-trips', (i, _, event) => {
    expect(roundTrip(i * 1000, event)).toEqual({ ok: true, value: { type: FrameType.Event, seq: i * 1000, event } });
  });

  it('starts with seq, kind, hid', () => {
    const b = encodeEvent(300, { kind: E.Focus, hid: 5 });
    expect(toHex(b)).toBe('030004ac020705');
  });

  it('uses the pointer layout with pointerType after buttons', () => {
    const b = encodeEvent(1, {
      kind: E.PointerMove, hid: 1, mods: Mod.Shift, x: 1, y: -1, button: -1, buttons: 1, primary: true,
      pointerType: PointerKind.Touch, pointerId: 3,
    });
    expect(toHex(b)).toBe('03000a' + '011401' + '11' + '02' + '01' + '01' + '01' + '03' + '06');
  });

  it('rounds fractional coordinates and scroll offsets', () => {
    const r = roundTrip(1, { kind: E.Scroll, hid: 1, top: 10.5, left: -0.4 });
    expect(r).toEqual({ ok: true, value: { type: FrameType.Event, seq: 1, event: { kind: E.Scroll, hid: 1, top: 11, left: 0 } } });
    const c = roundTrip(1, { kind: E.Click, hid: 1, mods: 0, point: { x: 1.2, y: 2.7 } });
    expect(c.ok && c.value).toMatchObject({ event: { point: { x: 1, y: 3 } } });
  });

  it('refuses unknown kinds', () => {
    for (const kind of [0, 35, 100, 255]) {
      const b = fromHex('030003' + '01' + kind.toString(16).padStart(2, '0') + '01');
      expect(decodeClientFrame(b)).toEqual({ ok: false, code: ErrorCode.BadFrame, message: 'unknown event kind ' + kind });
    }
    expect(() => encodeEvent(1, { kind: 99, hid: 1 } as unknown as WireEvent)).toThrow(RangeError);
    expect(() => encodeEvent(1, { kind: 0, hid: 1 } as unknown as WireEvent)).toThrow(RangeError);
  });

  it('refuses reserved flag bits', () => {
    // click allows modifiers + 0x10 (point); 0x20 is reserved
    expect(decodeClientFrame(fromHex('030004010101' + '20'))).toMatchObject({ ok: false, message: 'reserved event flag bits set' });
    // keys allow up to 0x3f
    expect(decodeClientFrame(fromHex('030006010901' + '40' + '0000'))).toMatchObject({ ok: false, code: ErrorCode.BadFrame });
    expect(decodeClientFrame(fromHex('030006010901' + '3f' + '0000')).ok).toBe(true);
    // mouse allows modifiers only
    expect(decodeClientFrame(fromHex('030008010b01' + '10' + '00000000'))).toMatchObject({ ok: false });
    expect(decodeClientFrame(fromHex('030008010b01' + '0f' + '00000000')).ok).toBe(true);
  });

  it('refuses a bad input value tag and a bad boolean', () => {
    expect(decodeClientFrame(fromHex('030004010401' + '04'))).toMatchObject({ ok: false, message: 'bad input value tag' });
    expect(decodeClientFrame(fromHex('030005012101' + '00' + '02'))).toMatchObject({ ok: false, message: 'bad boolean' });
  });

  it('refuses a truncated payload and trailing bytes', () => {
    const b = encodeEvent(1, { kind: E.KeyDown, hid: 1, mods: 0, repeat: false, composing: false, key: 'a', code: 'b' });
    const cut = b.slice(0, -1);
    cut[2]! -= 1;
    expect(decodeClientFrame(cut)).toMatchObject({ ok: false, message: 'truncated' });
    const extra = Uint8Array.of(...b, 0);
    extra[2]! += 1;
    expect(decodeClientFrame(extra)).toMatchObject({ ok: false, message: 'trailing bytes' });
  });

  it('refuses more form fields or touches than the item limit', () => {
    const fields = Array.from({ length: 10 }, (_, i): [string, string] => ['f' + i, '']);
    const b = encodeEvent(1, { kind: E.Submit, hid: 1, fields });
    expect(decodeClientFrame(b, { maxFrame: 1000, maxString: 100, maxItems: 9, maxDepth: 4 })).toMatchObject({
      ok: false, code: ErrorCode.LimitExceeded,
    });
    expect(decodeClientFrame(b, { maxFrame: 1000, maxString: 100, maxItems: 10, maxDepth: 4 }).ok).toBe(true);
  });
});
