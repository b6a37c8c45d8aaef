/** Payload readers shared by both directions: Ping, Pong, Close, and unknown frame types. */
import { ErrorCode } from './codes.ts';
import { fail } from './errors.ts';
import { FrameFlag, FrameType } from './frames.ts';
import type { CloseFrame, PingFrame, PongFrame } from './frames.ts';
import { rF64, rStr, rVarint } from './reader.ts';
import type { FrameReader, Reader } from './reader.ts';

/** Reads the payload of a Ping, Pong or Close frame; undefined for any other type. */
export function rControl(r: Reader, type: number): PingFrame | PongFrame | CloseFrame | undefined {
  if (type === FrameType.Ping || type === FrameType.Pong) return { type, time: rF64(r) };
  if (type === FrameType.Close) return { type, code: rVarint(r), reason: rStr(r) };
  return undefined;
}

/** A frame type the decoder does not handle: dropped (null) if flagged Optional, refused otherwise. */
export function unknownFrame(r: FrameReader): null {
  if (r.f & FrameFlag.Optional) return null;
  return fail(ErrorCode.BadFrame, 'unexpected frame type ' + r.t);
}
