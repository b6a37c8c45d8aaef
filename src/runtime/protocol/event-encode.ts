/**
 * Writes event payloads (client side). Layouts: docs/protocol.md, "Event". Kinds sharing a layout
 * are consecutive, so ranges pick the layout (smaller than a case per kind in the client bundle).
 */
import { EventKind as E } from './events.ts';
import type {
  WireClickEvent, WireEvent, WireHookEvent, WireInputEvent, WireKeyEvent, WireMouseEvent, WirePointerEvent, WireTouch,
  WireTouchEvent,
} from './events.ts';
import { wF64, wStr, wU8, wVarint, wZigzag } from './writer.ts';
import type { Writer } from './writer.ts';

function touches(w: Writer, list: WireTouch[]): void {
  wVarint(w, list.length);
  for (const t of list) {
    wZigzag(w, t.id);
    wZigzag(w, t.x);
    wZigzag(w, t.y);
  }
}

function strs(w: Writer, list: string[]): void {
  wVarint(w, list.length);
  for (const s of list) wStr(w, s);
}

export function wEvent(w: Writer, seq: number, e: WireEvent): void {
  const k = e.kind;
  if (!(k >= E.Click && k <= E.Custom)) throw new RangeError('unknown event kind: ' + k);
  wVarint(w, seq);
  wU8(w, k);
  wVarint(w, e.hid);
  if (k <= E.ContextMenu) {
    const pt = (e as WireClickEvent).point;
    wU8(w, ((e as WireClickEvent).mods & 15) | (pt ? 16 : 0));
    if (pt) {
      wZigzag(w, pt.x);
      wZigzag(w, pt.y);
    }
  } else if (k <= E.Change) {
    const v = (e as WireInputEvent).value;
    if (typeof v === 'boolean') wU8(w, v ? 2 : 1);
    else if (typeof v === 'string') {
      wU8(w, 0);
      wStr(w, v);
    } else {
      wU8(w, 3);
      strs(w, v);
    }
  } else if (k === E.Submit) {
    const fields = e.fields;
    wVarint(w, fields.length);
    for (const f of fields) strs2(w, f[0], f[1]);
  } else if (k <= E.Blur) {
    // No payload.
  } else if (k <= E.KeyUp) {
    const ke = e as WireKeyEvent;
    wU8(w, (ke.mods & 15) | (ke.repeat ? 16 : 0) | (ke.composing ? 32 : 0));
    strs2(w, ke.key, ke.code);
  } else if (k <= E.PointerCancel) {
    const me = e as WireMouseEvent;
    const pe = k >= E.PointerDown ? (e as WirePointerEvent) : undefined;
    wU8(w, (me.mods & 15) | (pe && pe.primary ? 16 : 0));
    wZigzag(w, me.x);
    wZigzag(w, me.y);
    wZigzag(w, me.button);
    wVarint(w, me.buttons);
    if (pe) {
      wU8(w, pe.pointerType);
      wZigzag(w, pe.pointerId);
    }
  } else if (k === E.Scroll) {
    wZigzag(w, e.top);
    wZigzag(w, e.left);
  } else if (k === E.Wheel) {
    wU8(w, e.mods & 15);
    wF64(w, e.dx);
    wF64(w, e.dy);
    wU8(w, e.mode);
  } else if (k <= E.TouchCancel) {
    const te = e as WireTouchEvent;
    wU8(w, te.mods & 15);
    touches(w, te.touches);
    touches(w, te.changed);
  } else if (k === E.Navigate) {
    wStr(w, e.path);
    wU8(w, e.replace ? 1 : 0);
  } else strs2(w, (e as WireHookEvent).name, (e as WireHookEvent).payload);
}

function strs2(w: Writer, a: string, b: string): void {
  wStr(w, a);
  wStr(w, b);
}
