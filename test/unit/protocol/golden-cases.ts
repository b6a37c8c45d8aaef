/**
 * Representative messages whose exact bytes are pinned in test/fixtures/protocol/golden.json.
 * `generateGolden()` prints the current encoding; it is run by hand when a case is added, and the
 * output is checked against docs/protocol.md before it is committed. The golden test never writes.
 */
import { Op } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { Capability } from '../../../src/runtime/protocol/capabilities.ts';
import { CloseCode, ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { encodeClientFrame } from '../../../src/runtime/protocol/encode-c2s.ts';
import { encodeServerFrame } from '../../../src/runtime/protocol/encode-s2c.ts';
import { EventKind as E, Mod, PointerKind } from '../../../src/runtime/protocol/events.ts';
import { FrameType as T } from '../../../src/runtime/protocol/frames.ts';
import type { ClientFrame, ServerFrame } from '../../../src/runtime/protocol/frames.ts';
import type { WireEvent } from '../../../src/runtime/protocol/events.ts';
import { toHex } from './hex.ts';

export type GoldenCase =
  | { name: string; dir: 'c2s'; frame: ClientFrame }
  | { name: string; dir: 's2c'; frame: ServerFrame };

const ev = (name: string, seq: number, event: WireEvent): GoldenCase => ({
  name: 'event.' + name,
  dir: 'c2s',
  frame: { type: T.Event, seq, event },
});

export const goldenCases: GoldenCase[] = [
  {
    name: 'client-hello',
    dir: 'c2s',
    frame: {
      type: T.ClientHello, version: { major: 1, minor: 0 }, sessionId: '', lastSeq: 0, csrf: 'tok',
      width: 1280, height: 720, dpr: 2, caps: Capability.Touch | Capability.WebGL, tzOffset: -60, locale: 'en-GB',
    },
  },
  {
    name: 'server-hello',
    dir: 's2c',
    frame: {
      type: T.ServerHello, version: { major: 1, minor: 0 }, sessionId: 's1', serverTime: 1700000000000,
      resumed: true, nextSeq: 5, maxServerFrame: 4 << 20, maxClientFrame: 64 << 10,
    },
  },
  ev('click', 1, { kind: E.Click, hid: 3, mods: 0 }),
  ev('click-point', 2, { kind: E.Click, hid: 3, mods: Mod.Shift | Mod.Meta, point: { x: 10, y: -2 } }),
  ev('dblclick', 3, { kind: E.DblClick, hid: 200, mods: Mod.Ctrl }),
  ev('input', 4, { kind: E.Input, hid: 7, value: 'héllo' }),
  ev('change-checkbox', 5, { kind: E.Change, hid: 7, value: true }),
  ev('change-multi', 6, { kind: E.Change, hid: 8, value: ['a', 'b'] }),
  ev('submit', 7, { kind: E.Submit, hid: 9, fields: [['tag', 'x'], ['tag', 'y'], ['q', '']] }),
  ev('focus', 8, { kind: E.Focus, hid: 4 }),
  ev('keydown', 9, { kind: E.KeyDown, hid: 4, mods: Mod.Ctrl, repeat: true, composing: false, key: 'Enter', code: 'Enter' }),
  ev('mousemove', 10, { kind: E.MouseMove, hid: 5, mods: 0, x: 100, y: 50, button: 0, buttons: 1 }),
  ev('pointerdown', 11, {
    kind: E.PointerDown, hid: 5, mods: Mod.Alt, x: -1, y: 2, button: -1, buttons: 0, primary: true,
    pointerType: PointerKind.Pen, pointerId: 7,
  }),
  ev('scroll', 12, { kind: E.Scroll, hid: 6, top: 1000, left: -3 }),
  ev('wheel', 13, { kind: E.Wheel, hid: 6, mods: 0, dx: 0, dy: -1.5, mode: 0 }),
  ev('touchend', 14, { kind: E.TouchEnd, hid: 6, mods: 0, touches: [{ id: 1, x: 3, y: 4 }], changed: [{ id: 2, x: 5, y: 6 }] }),
  ev('hook', 15, { kind: E.Hook, hid: 10, name: 'drop', payload: '{"i":1}' }),
  ev('navigate', 16, { kind: E.Navigate, hid: 0, path: '/a?b=1', replace: true }),
  ev('custom', 17, { kind: E.Custom, hid: 11, name: 'x', payload: 'y' }),
  // A page prefetch hint (`<Link prefetch>`): a Custom event on hid 0, the path as its payload.
  ev('prefetch', 18, { kind: E.Custom, hid: 0, name: 'vango:prefetch', payload: '/p/7' }),
  { name: 'ack', dir: 'c2s', frame: { type: T.Ack, seq: 300 } },
  { name: 'ping', dir: 'c2s', frame: { type: T.Ping, time: 1.5 } },
  { name: 'pong', dir: 's2c', frame: { type: T.Pong, time: 1.5 } },
  { name: 'resync-request', dir: 'c2s', frame: { type: T.ResyncRequest, lastSeq: 41 } },
  { name: 'close', dir: 's2c', frame: { type: T.Close, code: CloseCode.Idle, reason: 'idle' } },
  { name: 'error', dir: 's2c', frame: { type: T.Error, code: ErrorCode.VersionMismatch, message: 'v', reload: true } },
  { name: 'patches.set-text', dir: 's2c', frame: { type: T.Patches, seq: 1, eventSeq: 0, patches: [{ op: Op.SetText, hid: 2, text: 'hi' }] } },
  {
    name: 'patches.attrs-props',
    dir: 's2c',
    frame: {
      type: T.Patches,
      seq: 2,
      eventSeq: 6,
      patches: [
        { op: Op.SetAttr, hid: 3, name: 'class', value: 'on' },
        { op: Op.RemoveAttr, hid: 3, name: 'title' },
        { op: Op.SetProp, hid: 4, name: 'value', value: 'x' },
        { op: Op.SetProp, hid: 4, name: 'checked', value: false },
        { op: Op.SetProp, hid: 4, name: 'checked', value: true },
        { op: Op.SetProp, hid: 4, name: 'n', value: 2 },
        { op: Op.Listen, hid: 4, spec: 'click' },
      ],
    },
  },
  {
    name: 'patches.structure',
    dir: 's2c',
    frame: {
      type: T.Patches,
      seq: 3,
      eventSeq: 7,
      patches: [
        {
          op: Op.Insert, parent: 1, before: 0, first: 10,
          node: {
            kind: Kind.Element, tag: 'li', attrs: [['class', 'a']],
            children: [{ kind: Kind.Text, text: 'x' }, { kind: Kind.Raw, html: '<b>y</b>' }],
          },
        },
        { op: Op.Remove, hid: 5 },
        { op: Op.Move, parent: 1, hid: 6, before: 10 },
        { op: Op.Replace, hid: 7, first: 13, node: { kind: Kind.Text, text: '' } },
      ],
    },
  },
  {
    name: 'patches.commands',
    dir: 's2c',
    frame: {
      type: T.Patches,
      seq: 4,
      eventSeq: 8,
      patches: [
        { op: Op.Focus, hid: 2 },
        { op: Op.Blur, hid: 2 },
        { op: Op.ScrollIntoView, hid: 2, smooth: true },
        { op: Op.UrlPush, url: '/p' },
        { op: Op.UrlReplace, url: '/q' },
        { op: Op.HookEvent, hid: 2, name: 'n', payload: '1' },
        { op: Op.AddClass, hid: 2, name: 'a' },
        { op: Op.RemoveClass, hid: 2, name: 'b' },
        { op: Op.ToggleClass, hid: 2, name: 'c' },
        { op: Op.Dispatch, hid: 2, name: 'd', detail: '{}' },
      ],
    },
  },
  {
    name: 'resync-full',
    dir: 's2c',
    frame: {
      type: T.ResyncFull,
      seq: 9,
      nodes: [
        { kind: Kind.Element, tag: 'p', attrs: [], children: [{ kind: Kind.Text, text: 'a' }] },
        { kind: Kind.Text, text: 'b' },
      ],
    },
  },
];

export function encodeCase(c: GoldenCase): Uint8Array {
  return c.dir === 'c2s' ? encodeClientFrame(c.frame) : encodeServerFrame(c.frame);
}

/** name → hex of every golden case, as stored in the fixture. */
export function generateGolden(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of goldenCases) out[c.name] = toHex(encodeCase(c));
  return out;
}
