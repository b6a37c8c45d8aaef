/** Encoders for the frames both sides send. */
import { FrameType } from './frames.ts';
import { beginFrame, endFrame, wF64, wStr, wVarint } from './writer.ts';

/** Ping { time f64 }; the peer answers with a Pong carrying the same time. */
export function encodePing(time: number): Uint8Array {
  const w = beginFrame();
  wF64(w, time);
  return endFrame(w, FrameType.Ping);
}

export function encodePong(time: number): Uint8Array {
  const w = beginFrame();
  wF64(w, time);
  return endFrame(w, FrameType.Pong);
}

/** Close { code varint, reason string }; see `CloseCode`. */
export function encodeClose(code: number, reason = ''): Uint8Array {
  const w = beginFrame();
  wVarint(w, code);
  wStr(w, reason);
  return endFrame(w, FrameType.Close);
}
