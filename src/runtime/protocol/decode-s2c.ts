/** Decoder for server→client frames: what the browser client receives. */
import type { WireNode } from '../vdom/patch.ts';
import { rControl, unknownFrame } from './control-decode.ts';
import { failure } from './errors.ts';
import type { DecodeResult } from './errors.ts';
import { FrameType } from './frames.ts';
import type { ServerFrame } from './frames.ts';
import { S2C_LIMITS } from './limits.ts';
import type { Limits } from './limits.ts';
import { rNode } from './node-decode.ts';
import { rPatches } from './patch-decode.ts';
import { openFrame, rBool, rCount, rEnd, rStr, rVarint } from './reader.ts';
import type { FrameReader } from './reader.ts';

/**
 * Decodes one server frame. Never throws. `value` is null when the frame has an unknown type but
 * carries the Optional flag (the client ignores it); an unknown type without the flag fails.
 */
export function decodeServerFrame(
  bytes: Uint8Array | ArrayBuffer,
  limits: Limits = S2C_LIMITS,
): DecodeResult<ServerFrame | null> {
  try {
    const r = openFrame(bytes, limits);
    const value = rServerFrame(r);
    if (value) rEnd(r);
    return { ok: true, value };
  } catch (e) {
    return failure(e);
  }
}

function rServerFrame(r: FrameReader): ServerFrame | null {
  const type = r.t;
  switch (type) {
    case FrameType.ServerHello:
      return {
        type,
        version: { major: rVarint(r), minor: rVarint(r) },
        sessionId: rStr(r),
        serverTime: rVarint(r),
        resumed: rBool(r),
        nextSeq: rVarint(r),
        maxServerFrame: rVarint(r),
        maxClientFrame: rVarint(r),
      };
    case FrameType.Patches:
      return { type, seq: rVarint(r), eventSeq: rVarint(r), patches: rPatches(r) };
    case FrameType.ResyncFull: {
      const seq = rVarint(r);
      const nodes: WireNode[] = [];
      for (let n = rCount(r); n > 0; n--) nodes.push(rNode(r));
      return { type, seq, nodes };
    }
    case FrameType.Error:
      return { type, code: rVarint(r), message: rStr(r), reload: rBool(r) };
  }
  return rControl(r, type) ?? unknownFrame(r);
}
