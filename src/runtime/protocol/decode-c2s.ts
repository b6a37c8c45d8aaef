/** Decoder for client→server frames: what the server receives. */
import { rControl, unknownFrame } from './control-decode.ts';
import { failure } from './errors.ts';
import type { DecodeResult } from './errors.ts';
import { rEvent } from './event-decode.ts';
import { FrameType } from './frames.ts';
import type { ClientFrame } from './frames.ts';
import { C2S_LIMITS } from './limits.ts';
import type { Limits } from './limits.ts';
import { openFrame, rEnd, rF64, rStr, rVarint, rZigzag } from './reader.ts';
import type { FrameReader } from './reader.ts';

/**
 * Decodes one client frame. Never throws. `value` is null for an unknown frame type that carries the
 * Optional flag; an unknown type without it (or a server-only type) fails.
 */
export function decodeClientFrame(
  bytes: Uint8Array | ArrayBuffer,
  limits: Limits = C2S_LIMITS,
): DecodeResult<ClientFrame | null> {
  try {
    const r = openFrame(bytes, limits);
    const value = rClientFrame(r);
    if (value) rEnd(r);
    return { ok: true, value };
  } catch (e) {
    return failure(e);
  }
}

function rClientFrame(r: FrameReader): ClientFrame | null {
  const type = r.t;
  switch (type) {
    case FrameType.ClientHello:
      return {
        type,
        version: { major: rVarint(r), minor: rVarint(r) },
        sessionId: rStr(r),
        lastSeq: rVarint(r),
        csrf: rStr(r),
        width: rVarint(r),
        height: rVarint(r),
        dpr: rF64(r),
        caps: rVarint(r),
        tzOffset: rZigzag(r),
        locale: rStr(r),
      };
    case FrameType.Event:
      return { type, seq: rVarint(r), event: rEvent(r) };
    case FrameType.Ack:
      return { type, seq: rVarint(r) };
    case FrameType.ResyncRequest:
      return { type, lastSeq: rVarint(r) };
  }
  return rControl(r, type) ?? unknownFrame(r);
}
