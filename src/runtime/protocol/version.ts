import type { ProtocolVersion } from './frames.ts';

/** The protocol version this code speaks. Major: wire-incompatible changes. Minor: additions only. */
export const PROTOCOL_VERSION: ProtocolVersion = { major: 1, minor: 0 };
