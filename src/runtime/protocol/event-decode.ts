/** Reads event payloads (server side). Layouts: docs/protocol.md, "Event". */
import { ErrorCode } from './codes.ts';
import { fail } from './errors.ts';
import { EventKind as E } from './events.ts';
import type { WireEvent, WireTouch } from './events.ts';
import { rBool, rCount, rF64, rStr, rU8, rVarint, rZigzag } from './reader.ts';
import type { Reader } from './reader.ts';

/** Reads a flags byte, refusing bits outside `allowed` (they would mean a layout this code lacks). */
function flags(r: Reader, allowed: number): number {
  const f = rU8(r);
  if (f & ~allowed) fail(ErrorCode.BadFrame, 'reserved event flag bits set');
  return f;
}

function touches(r: Reader): WireTouch[] {
  const out: WireTouch[] = [];
  for (let n = rCount(r); n > 0; n--) out.push({ id: rZigzag(r), x: rZigzag(r), y: rZigzag(r) });
  return out;
}

/** Reads `kind, hid, payload` of an Event frame (after its seq). */
export function rEvent(r: Reader): WireEvent {
  const kind = rU8(r);
  const hid = rVarint(r);
  const k = kind as any;
  switch (kind) {
    case E.Click:
    case E.DblClick:
    case E.ContextMenu: {
      const f = flags(r, 31);
      return f & 16
        ? { kind: k, hid, mods: f & 15, point: { x: rZigzag(r), y: rZigzag(r) } }
        : { kind: k, hid, mods: f };
    }
    case E.Input:
    case E.Change: {
      const t = rU8(r);
      let value: string | boolean | string[];
      if (t === 0) value = rStr(r);
      else if (t === 1 || t === 2) value = t === 2;
      else if (t === 3) {
        value = [];
        for (let n = rCount(r); n > 0; n--) value.push(rStr(r));
      } else return fail(ErrorCode.BadFrame, 'bad input value tag');
      return { kind: k, hid, value };
    }
    case E.Submit: {
      const fields: [string, string][] = [];
      for (let n = rCount(r); n > 0; n--) fields.push([rStr(r), rStr(r)]);
      return { kind: k, hid, fields };
    }
    case E.Focus:
    case E.Blur:
      return { kind: k, hid };
    case E.KeyDown:
    case E.KeyUp: {
      const f = flags(r, 63);
      return { kind: k, hid, mods: f & 15, repeat: (f & 16) > 0, composing: (f & 32) > 0, key: rStr(r), code: rStr(r) };
    }
    case E.MouseDown:
    case E.MouseUp:
    case E.MouseMove:
    case E.MouseEnter:
    case E.MouseLeave:
    case E.MouseOver:
    case E.MouseOut:
      return { kind: k, hid, mods: flags(r, 15), x: rZigzag(r), y: rZigzag(r), button: rZigzag(r), buttons: rVarint(r) };
    case E.PointerDown:
    case E.PointerUp:
    case E.PointerMove:
    case E.PointerEnter:
    case E.PointerLeave:
    case E.PointerOver:
    case E.PointerOut:
    case E.PointerCancel: {
      const f = flags(r, 31);
      return {
        kind: k, hid, mods: f & 15, x: rZigzag(r), y: rZigzag(r), button: rZigzag(r), buttons: rVarint(r),
        primary: (f & 16) > 0, pointerType: rU8(r), pointerId: rZigzag(r),
      };
    }
    case E.Scroll:
      return { kind: k, hid, top: rZigzag(r), left: rZigzag(r) };
    case E.Wheel:
      return { kind: k, hid, mods: flags(r, 15), dx: rF64(r), dy: rF64(r), mode: rU8(r) };
    case E.TouchStart:
    case E.TouchMove:
    case E.TouchEnd:
    case E.TouchCancel:
      return { kind: k, hid, mods: flags(r, 15), touches: touches(r), changed: touches(r) };
    case E.Hook:
    case E.Custom:
      return { kind: k, hid, name: rStr(r), payload: rStr(r) };
    case E.Navigate:
      return { kind: k, hid, path: rStr(r), replace: rBool(r) };
  }
  return fail(ErrorCode.BadFrame, 'unknown event kind ' + kind);
}
