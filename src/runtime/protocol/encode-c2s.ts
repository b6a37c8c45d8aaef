/** Encoders for client→server frames: what the browser client sends. */
import { encodeClose, encodePing, encodePong } from './control-encode.ts';
import { wEvent } from './event-encode.ts';
import type { WireEvent } from './events.ts';
import { FrameType } from './frames.ts';
import type { ClientFrame, ClientHello } from './frames.ts';
import { beginFrame, endFrame, wF64, wStr, wVarint, wZigzag } from './writer.ts';

export { encodeClose, encodePing, encodePong };

export function encodeClientHello(h: Omit<ClientHello, 'type'>): Uint8Array {
  const w = beginFrame();
  wVarint(w, h.version.major);
  wVarint(w, h.version.minor);
  wStr(w, h.sessionId);
  wVarint(w, h.lastSeq);
  wStr(w, h.csrf);
  wVarint(w, h.width);
  wVarint(w, h.height);
  wF64(w, h.dpr);
  wVarint(w, h.caps);
  wZigzag(w, h.tzOffset);
  wStr(w, h.locale);
  return endFrame(w, FrameType.ClientHello);
}

/** Event { seq varint, kind u8, hid varint, kind-specific payload }. */
export function encodeEvent(seq: number, event: WireEvent): Uint8Array {
  const w = beginFrame();
  wEvent(w, seq, event);
  return endFrame(w, FrameType.Event);
}

/** Ack { seq }: the last Patches frame applied. */
export function encodeAck(seq: number): Uint8Array {
  const w = beginFrame();
  wVarint(w, seq);
  return endFrame(w, FrameType.Ack);
}

/** ResyncRequest { lastSeq }: the client lost track and wants the full tree. */
export function encodeResyncRequest(lastSeq: number): Uint8Array {
  const w = beginFrame();
  wVarint(w, lastSeq);
  return endFrame(w, FrameType.ResyncRequest);
}

/** Encodes any client frame (convenience for servers, tests and tools; the client uses the specific encoders). */
export function encodeClientFrame(f: ClientFrame): Uint8Array {
  switch (f.type) {
    case FrameType.ClientHello:
      return encodeClientHello(f);
    case FrameType.Event:
      return encodeEvent(f.seq, f.event);
    case FrameType.Ack:
      return encodeAck(f.seq);
    case FrameType.Ping:
      return encodePing(f.time);
    case FrameType.Pong:
      return encodePong(f.time);
    case FrameType.ResyncRequest:
      return encodeResyncRequest(f.lastSeq);
    case FrameType.Close:
      return encodeClose(f.code, f.reason);
  }
  throw new RangeError('not a client frame: ' + (f as { type: unknown }).type);
}
