/** Writes patch ops (server side). Layouts: docs/protocol.md, "Patch ops". */
import { Op } from '../vdom/patch.ts';
import type { Patch } from '../vdom/patch.ts';
import { wNode } from './node-encode.ts';
import { beginLen, endLen, wBool, wF64, wStr, wU8, wVarint } from './writer.ts';
import type { Writer } from './writer.ts';

/** Writes one op as `op u8, length varint, payload`; the length lets older clients skip it. */
export function wPatch(w: Writer, p: Patch): void {
  wU8(w, p.op);
  const start = beginLen(w);
  switch (p.op) {
    case Op.SetText:
      wVarint(w, p.hid);
      wStr(w, p.text);
      break;
    case Op.SetAttr:
      wVarint(w, p.hid);
      wStr(w, p.name);
      wStr(w, p.value);
      break;
    case Op.SetProp: {
      wVarint(w, p.hid);
      wStr(w, p.name);
      const v = p.value;
      if (typeof v === 'string') {
        wU8(w, 0);
        wStr(w, v);
      } else if (typeof v === 'boolean') wU8(w, v ? 2 : 1);
      else {
        wU8(w, 3);
        wF64(w, v);
      }
      break;
    }
    case Op.Insert:
      wVarint(w, p.parent);
      wVarint(w, p.before);
      wVarint(w, p.first);
      wNode(w, p.node);
      break;
    case Op.Remove:
    case Op.Focus:
    case Op.Blur:
      wVarint(w, p.hid);
      break;
    case Op.Move:
      wVarint(w, p.parent);
      wVarint(w, p.hid);
      wVarint(w, p.before);
      break;
    case Op.Replace:
      wVarint(w, p.hid);
      wVarint(w, p.first);
      wNode(w, p.node);
      break;
    case Op.Listen:
      wVarint(w, p.hid);
      wStr(w, p.spec);
      break;
    case Op.ScrollIntoView:
      wVarint(w, p.hid);
      wBool(w, p.smooth);
      break;
    case Op.UrlPush:
    case Op.UrlReplace:
      wStr(w, p.url);
      break;
    case Op.HookEvent:
      wVarint(w, p.hid);
      wStr(w, p.name);
      wStr(w, p.payload);
      break;
    case Op.RemoveAttr:
    case Op.AddClass:
    case Op.RemoveClass:
    case Op.ToggleClass:
      wVarint(w, p.hid);
      wStr(w, p.name);
      break;
    case Op.Dispatch:
      wVarint(w, p.hid);
      wStr(w, p.name);
      wStr(w, p.detail);
      break;
    default:
      throw new RangeError('unknown op: ' + (p as { op: unknown }).op);
  }
  endLen(w, start);
}
