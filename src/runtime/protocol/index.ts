/** The whole wire protocol (both directions). Browser code should import `./client.ts` instead. */
export * from './server.ts';
export { encodeClientHello, encodeEvent, encodeAck, encodeResyncRequest, encodeClientFrame } from './encode-c2s.ts';
export { decodeServerFrame } from './decode-s2c.ts';
export { ProtocolError } from './errors.ts';
export type { DecodeFailure } from './errors.ts';
