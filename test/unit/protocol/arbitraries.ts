/** fast-check generators for every message the protocol carries, shaped exactly as decoders return them. */
import fc from 'fast-check';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import type { Patch, WireNode } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { EventKind as E } from '../../../src/runtime/protocol/events.ts';
import type { WireEvent, WireTouch } from '../../../src/runtime/protocol/events.ts';
import { FrameType as T } from '../../../src/runtime/protocol/frames.ts';
import type { ClientFrame, ServerFrame } from '../../../src/runtime/protocol/frames.ts';

/** Strings: ASCII, any code point, and long ones that take the TextEncoder path and 2-byte prefixes. */
export const str = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 40, maxLength: 200 }),
);
/** Unsigned varints, weighted towards small values but reaching 2^53-1. */
export const uint = fc.oneof(fc.nat(300), fc.nat(), fc.maxSafeNat());
/** ZigZag range [-2^52, 2^52-1]; `|| 0` avoids -0, which integers cannot carry. */
export const sint = fc.oneof(
  fc.integer({ min: -300, max: 300 }),
  fc.integer(),
  fc.maxSafeInteger().map((x) => Math.trunc(x / 2) || 0),
);
export const u8 = fc.integer({ min: 0, max: 255 });
export const mods = fc.integer({ min: 0, max: 15 });

const kinds = <K extends number>(...ks: K[]) => fc.constantFrom(...ks);
const touch: fc.Arbitrary<WireTouch> = fc.record({ id: sint, x: sint, y: sint });
const mouseBase = { hid: uint, mods, x: sint, y: sint, button: sint, buttons: uint };

export const event: fc.Arbitrary<WireEvent> = fc.oneof(
  fc.record(
    { kind: kinds(E.Click, E.DblClick, E.ContextMenu), hid: uint, mods, point: fc.record({ x: sint, y: sint }) },
    { requiredKeys: ['kind', 'hid', 'mods'] },
  ),
  fc.record({
    kind: kinds(E.Input, E.Change),
    hid: uint,
    value: fc.oneof(str, fc.boolean(), fc.array(str, { maxLength: 4 })),
  }),
  fc.record({ kind: kinds(E.Submit), hid: uint, fields: fc.array(fc.tuple(str, str), { maxLength: 5 }) }),
  fc.record({ kind: kinds(E.Focus, E.Blur), hid: uint }),
  fc.record({
    kind: kinds(E.KeyDown, E.KeyUp), hid: uint, mods, repeat: fc.boolean(), composing: fc.boolean(), key: str, code: str,
  }),
  fc.record({
    kind: kinds(E.MouseDown, E.MouseUp, E.MouseMove, E.MouseEnter, E.MouseLeave, E.MouseOver, E.MouseOut),
    ...mouseBase,
  }),
  fc.record({
    kind: kinds(
      E.PointerDown, E.PointerUp, E.PointerMove, E.PointerEnter, E.PointerLeave, E.PointerOver, E.PointerOut,
      E.PointerCancel,
    ),
    ...mouseBase,
    primary: fc.boolean(),
    pointerType: u8,
    pointerId: sint,
  }),
  fc.record({ kind: kinds(E.Scroll), hid: uint, top: sint, left: sint }),
  fc.record({ kind: kinds(E.Wheel), hid: uint, mods, dx: fc.double(), dy: fc.double(), mode: u8 }),
  fc.record({
    kind: kinds(E.TouchStart, E.TouchMove, E.TouchEnd, E.TouchCancel),
    hid: uint,
    mods,
    touches: fc.array(touch, { maxLength: 4 }),
    changed: fc.array(touch, { maxLength: 4 }),
  }),
  fc.record({ kind: kinds(E.Hook, E.Custom), hid: uint, name: str, payload: str }),
  fc.record({ kind: kinds(E.Navigate), hid: uint, path: str, replace: fc.boolean() }),
);

export const node: fc.Arbitrary<WireNode> = fc.letrec<{ node: WireNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant(Kind.Text), text: str }),
    fc.record({ kind: fc.constant(Kind.Raw), html: str }),
    fc.record({
      kind: fc.constant(Kind.Element),
      tag: str,
      attrs: fc.array(fc.tuple(str, str), { maxLength: 4 }),
      children: fc.array(tie('node'), { maxLength: 5 }),
    }),
  ),
})).node;

const propValue = fc.oneof(str, fc.boolean(), fc.double());

export const patch: fc.Arbitrary<Patch> = fc.oneof(
  fc.record({ op: fc.constant(Op.SetText), hid: uint, text: str }),
  fc.record({ op: fc.constant(Op.SetAttr), hid: uint, name: str, value: str }),
  fc.record({ op: kinds(Op.RemoveAttr, Op.AddClass, Op.RemoveClass, Op.ToggleClass), hid: uint, name: str }),
  fc.record({ op: fc.constant(Op.SetProp), hid: uint, name: str, value: propValue }),
  fc.record({ op: fc.constant(Op.Insert), parent: uint, before: uint, first: uint, node }),
  fc.record({ op: kinds(Op.Remove, Op.Focus, Op.Blur), hid: uint }),
  fc.record({ op: fc.constant(Op.Move), parent: uint, hid: uint, before: uint }),
  fc.record({ op: fc.constant(Op.Replace), hid: uint, first: uint, node }),
  fc.record({ op: fc.constant(Op.Listen), hid: uint, spec: str }),
  fc.record({ op: fc.constant(Op.ScrollIntoView), hid: uint, smooth: fc.boolean() }),
  fc.record({ op: kinds(Op.UrlPush, Op.UrlReplace), url: str }),
  fc.record({ op: fc.constant(Op.HookEvent), hid: uint, name: str, payload: str }),
  fc.record({ op: fc.constant(Op.Dispatch), hid: uint, name: str, detail: str }),
) as fc.Arbitrary<Patch>;

const version = fc.record({ major: uint, minor: uint });

export const clientFrame: fc.Arbitrary<ClientFrame> = fc.oneof(
  fc.record({
    type: fc.constant(T.ClientHello), version, sessionId: str, lastSeq: uint, csrf: str, width: uint, height: uint,
    dpr: fc.double(), caps: uint, tzOffset: sint, locale: str,
  }),
  fc.record({ type: fc.constant(T.Event), seq: uint, event }),
  fc.record({ type: fc.constant(T.Ack), seq: uint }),
  fc.record({ type: kinds(T.Ping, T.Pong), time: fc.double() }),
  fc.record({ type: fc.constant(T.ResyncRequest), lastSeq: uint }),
  fc.record({ type: fc.constant(T.Close), code: uint, reason: str }),
) as fc.Arbitrary<ClientFrame>;

export const serverFrame: fc.Arbitrary<ServerFrame> = fc.oneof(
  fc.record({
    type: fc.constant(T.ServerHello), version, sessionId: str, serverTime: uint, resumed: fc.boolean(), nextSeq: uint,
    maxServerFrame: uint, maxClientFrame: uint,
  }),
  fc.record({ type: fc.constant(T.Patches), seq: uint, eventSeq: uint, patches: fc.array(patch, { maxLength: 8 }) }),
  fc.record({ type: fc.constant(T.ResyncFull), seq: uint, nodes: fc.array(node, { maxLength: 3 }) }),
  fc.record({ type: kinds(T.Ping, T.Pong), time: fc.double() }),
  fc.record({ type: fc.constant(T.Close), code: uint, reason: str }),
  fc.record({ type: fc.constant(T.Error), code: uint, message: str, reload: fc.boolean() }),
) as fc.Arbitrary<ServerFrame>;
