/**
 * What the browser client imports: encoders for the frames it sends and the decoder for the frames
 * it receives. Importing from here keeps server-only code (patch/tree encoders, event decoder) out
 * of the client bundle.
 */
export { encodeAck, encodeClientHello, encodeEvent, encodePing, encodePong, encodeResyncRequest } from './encode-c2s.ts';
export { decodeServerFrame } from './decode-s2c.ts';
export { PROTOCOL_VERSION } from './version.ts';
export { FrameType, FrameFlag } from './frames.ts';
export { ErrorCode, CloseCode } from './codes.ts';
export { EventKind, Mod, PointerKind, DeltaMode } from './events.ts';
export { Capability } from './capabilities.ts';
export { S2C_LIMITS } from './limits.ts';
export type * from './frames.ts';
export type * from './events.ts';
export type { DecodeResult } from './errors.ts';
export type { Limits } from './limits.ts';
