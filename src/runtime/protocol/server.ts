/** What the server imports: encoders for server→client frames, the client-frame decoder, negotiation. */
export {
  encodeServerHello, encodePatches, encodeResyncFull, encodeError, encodeClose, encodePing, encodePong,
  encodeServerFrame,
} from './encode-s2c.ts';
export { decodeClientFrame } from './decode-c2s.ts';
export { negotiate } from './negotiate.ts';
export type { Negotiation } from './negotiate.ts';
export { PROTOCOL_VERSION } from './version.ts';
export { FrameType, FrameFlag } from './frames.ts';
export { ErrorCode, CloseCode } from './codes.ts';
export { EventKind, Mod, PointerKind, DeltaMode } from './events.ts';
export { Capability } from './capabilities.ts';
export { C2S_LIMITS, S2C_LIMITS } from './limits.ts';
export type * from './frames.ts';
export type * from './events.ts';
export type { DecodeResult } from './errors.ts';
export type { Limits } from './limits.ts';
