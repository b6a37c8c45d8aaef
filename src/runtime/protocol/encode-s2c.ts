/** Encoders for server→client frames: what the server sends. */
import type { Patch, WireNode } from '../vdom/patch.ts';
import { encodeClose, encodePing, encodePong } from './control-encode.ts';
import { FrameType } from './frames.ts';
import type { ServerFrame, ServerHello } from './frames.ts';
import { wNode } from './node-encode.ts';
import { wPatch } from './patch-encode.ts';
import { beginFrame, endFrame, wBool, wStr, wU8, wVarint } from './writer.ts';

export { encodeClose, encodePing, encodePong };

export function encodeServerHello(h: Omit<ServerHello, 'type'>): Uint8Array {
  const w = beginFrame();
  wVarint(w, h.version.major);
  wVarint(w, h.version.minor);
  wStr(w, h.sessionId);
  wVarint(w, h.serverTime);
  wU8(w, h.resumed ? 1 : 0);
  wVarint(w, h.nextSeq);
  wVarint(w, h.maxServerFrame);
  wVarint(w, h.maxClientFrame);
  return endFrame(w, FrameType.ServerHello);
}

/**
 * Patches { seq, eventSeq, count, ops }. The frame is not split: keep it under the client's cap
 * (`maxServerFrame` announced in ServerHello, 4 MiB by default).
 */
export function encodePatches(seq: number, patches: readonly Patch[], eventSeq = 0): Uint8Array {
  const w = beginFrame();
  wVarint(w, seq);
  wVarint(w, eventSeq);
  wVarint(w, patches.length);
  for (const p of patches) wPatch(w, p);
  return endFrame(w, FrameType.Patches);
}

/** ResyncFull { seq, count, nodes }: the whole root, hids numbered from 1. */
export function encodeResyncFull(seq: number, nodes: readonly WireNode[]): Uint8Array {
  const w = beginFrame();
  wVarint(w, seq);
  wVarint(w, nodes.length);
  for (const n of nodes) wNode(w, n);
  return endFrame(w, FrameType.ResyncFull);
}

/** Error { code, message, flags }: flag bit 0 asks the client to reload the page. */
export function encodeError(code: number, message: string, reload = false): Uint8Array {
  const w = beginFrame();
  wVarint(w, code);
  wStr(w, message);
  wBool(w, reload);
  return endFrame(w, FrameType.Error);
}

/** Encodes any server frame. */
export function encodeServerFrame(f: ServerFrame): Uint8Array {
  switch (f.type) {
    case FrameType.ServerHello:
      return encodeServerHello(f);
    case FrameType.Patches:
      return encodePatches(f.seq, f.patches, f.eventSeq);
    case FrameType.ResyncFull:
      return encodeResyncFull(f.seq, f.nodes);
    case FrameType.Ping:
      return encodePing(f.time);
    case FrameType.Pong:
      return encodePong(f.time);
    case FrameType.Close:
      return encodeClose(f.code, f.reason);
    case FrameType.Error:
      return encodeError(f.code, f.message, f.reload);
  }
  throw new RangeError('not a server frame: ' + (f as { type: unknown }).type);
}
