/**
 * Frame types and the decoded shape of every frame. One WebSocket message (or MessagePort message)
 * carries exactly one frame: `type u8, flags u8, length varint, payload`. See docs/protocol.md.
 */
import type { Patch, WireNode } from '../vdom/patch.ts';
import type { WireEvent } from './events.ts';

/** Frame type byte. 0x0C–0x1F are reserved for the core protocol, 0x20–0x3F for islands, devtools and hot reload, 0x40–0x7F for applications. */
export const FrameType = {
  ClientHello: 0x01,
  ServerHello: 0x02,
  Event: 0x03,
  Patches: 0x04,
  Ack: 0x05,
  Ping: 0x06,
  Pong: 0x07,
  ResyncRequest: 0x08,
  ResyncFull: 0x09,
  Close: 0x0a,
  Error: 0x0b,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

/** Frame header flags. Bits not listed are reserved: senders write 0, receivers ignore them. */
export const FrameFlag = {
  /** A receiver that does not know this frame type drops the frame instead of failing. */
  Optional: 0x01,
} as const;

export interface ProtocolVersion {
  major: number;
  minor: number;
}

export interface ClientHello {
  type: typeof FrameType.ClientHello;
  version: ProtocolVersion;
  /** '' asks for a new session. */
  sessionId: string;
  /** Seq of the last Patches frame applied; 0 if none. */
  lastSeq: number;
  csrf: string;
  /** Viewport size in CSS pixels. */
  width: number;
  height: number;
  /** `devicePixelRatio`. */
  dpr: number;
  /** Bitset of `Capability`. */
  caps: number;
  /** `Date.prototype.getTimezoneOffset()`: minutes, positive west of UTC. */
  tzOffset: number;
  /** BCP 47 tag, e.g. `en-GB`. */
  locale: string;
}

export interface ServerHello {
  type: typeof FrameType.ServerHello;
  /** The negotiated version. */
  version: ProtocolVersion;
  sessionId: string;
  /** Server clock, ms since the Unix epoch. */
  serverTime: number;
  /** True when the session named by the client was resumed. */
  resumed: boolean;
  /** Seq the next Patches frame will carry. */
  nextSeq: number;
  /** Largest frame the server sends. */
  maxServerFrame: number;
  /** Largest frame the server accepts. */
  maxClientFrame: number;
}

export interface EventFrame {
  type: typeof FrameType.Event;
  /** Per-connection event counter. */
  seq: number;
  event: WireEvent;
}

export interface PatchesFrame {
  type: typeof FrameType.Patches;
  seq: number;
  /** Seq of the last client Event frame whose handling this frame completes; 0 when none (optimistic changes up to it revert). */
  eventSeq: number;
  patches: Patch[];
}

export interface AckFrame {
  type: typeof FrameType.Ack;
  /** Seq of the last Patches frame applied. */
  seq: number;
}

export interface PingFrame {
  type: typeof FrameType.Ping;
  /** Sender's clock, any unit; echoed unchanged by the Pong. */
  time: number;
}

export interface PongFrame {
  type: typeof FrameType.Pong;
  time: number;
}

export interface ResyncRequestFrame {
  type: typeof FrameType.ResyncRequest;
  lastSeq: number;
}

export interface ResyncFullFrame {
  type: typeof FrameType.ResyncFull;
  /** The state the nodes reflect; the next Patches frame carries seq + 1. */
  seq: number;
  /** Top-level nodes of the root, hids numbered from 1 in pre-order. */
  nodes: WireNode[];
}

export interface CloseFrame {
  type: typeof FrameType.Close;
  /** See `CloseCode`; unknown codes are passed through. */
  code: number;
  reason: string;
}

export interface ErrorFrame {
  type: typeof FrameType.Error;
  /** See `ErrorCode`; unknown codes are passed through. */
  code: number;
  message: string;
  /** The client should reload the page rather than reconnect. */
  reload: boolean;
}

/** Frames a client sends. */
export type ClientFrame =
  | ClientHello
  | EventFrame
  | AckFrame
  | PingFrame
  | PongFrame
  | ResyncRequestFrame
  | CloseFrame;

/** Frames a server sends. */
export type ServerFrame =
  | ServerHello
  | PatchesFrame
  | ResyncFullFrame
  | PingFrame
  | PongFrame
  | CloseFrame
  | ErrorFrame;
