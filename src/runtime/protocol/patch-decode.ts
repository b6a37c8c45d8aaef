/**
 * Reads patch ops (client side). Layouts: docs/protocol.md, "Patch ops". Op codes are written as
 * literals (the `Op` values of vdom/patch.ts): the enum object's names would survive minification in
 * the client bundle. test/unit/protocol/patches.test.ts round-trips every `Op` through them.
 */
import type { Patch } from '../vdom/patch.ts';
import { ErrorCode } from './codes.ts';
import { fail } from './errors.ts';
import { rNode } from './node-decode.ts';
import { rBool, rCount, rEnd, rF64, rStr, rU8, rVarint, truncated } from './reader.ts';
import type { Reader } from './reader.ts';

/**
 * Reads `count` then that many ops. An op code this client does not know is skipped using its
 * length, unless it is 0 or has the high bit set ("critical": skipping would corrupt the page).
 */
export function rPatches(r: Reader): Patch[] {
  const out: Patch[] = [];
  const frameEnd = r.e;
  for (let n = rCount(r); n > 0; n--) {
    const op = rU8(r);
    const len = rVarint(r);
    if (len > frameEnd - r.p) truncated();
    r.e = r.p + len;
    const p = rOp(r, op);
    if (p) {
      out.push(p);
      rEnd(r);
    } else if (op === 0 || op > 127) fail(ErrorCode.BadFrame, 'unknown critical op ' + op);
    else r.p = r.e;
    r.e = frameEnd;
  }
  return out;
}

function rOp(r: Reader, op: number): Patch | undefined {
  const o = op as any;
  switch (op) {
    case 1 /* SetText */:
      return { op: o, hid: rVarint(r), text: rStr(r) };
    case 2 /* SetAttr */:
      return { op: o, hid: rVarint(r), name: rStr(r), value: rStr(r) };
    case 4 /* SetProp */: {
      const hid = rVarint(r);
      const name = rStr(r);
      const t = rU8(r);
      const value = t === 0 ? rStr(r) : t === 1 || t === 2 ? t === 2 : t === 3 ? rF64(r) : fail(ErrorCode.BadFrame, 'bad prop tag');
      return { op: o, hid, name, value };
    }
    case 5 /* Insert */:
      return { op: o, parent: rVarint(r), before: rVarint(r), first: rVarint(r), node: rNode(r) };
    case 6 /* Remove */:
    case 16 /* Focus */:
    case 17 /* Blur */:
      return { op: o, hid: rVarint(r) };
    case 7 /* Move */:
      return { op: o, parent: rVarint(r), hid: rVarint(r), before: rVarint(r) };
    case 8 /* Replace */:
      return { op: o, hid: rVarint(r), first: rVarint(r), node: rNode(r) };
    case 9 /* Listen */:
      return { op: o, hid: rVarint(r), spec: rStr(r) };
    case 18 /* ScrollIntoView */:
      return { op: o, hid: rVarint(r), smooth: rBool(r) };
    case 19 /* UrlPush */:
    case 20 /* UrlReplace */:
      return { op: o, url: rStr(r) };
    case 21 /* HookEvent */:
      return { op: o, hid: rVarint(r), name: rStr(r), payload: rStr(r) };
    case 3 /* RemoveAttr */:
    case 22 /* AddClass */:
    case 23 /* RemoveClass */:
    case 24 /* ToggleClass */:
      return { op: o, hid: rVarint(r), name: rStr(r) };
    case 25 /* Dispatch */:
      return { op: o, hid: rVarint(r), name: rStr(r), detail: rStr(r) };
  }
  return undefined;
}
