import { ErrorCode } from './codes.ts';
import { FrameType } from './frames.ts';
import type { ErrorFrame, ProtocolVersion } from './frames.ts';
import { PROTOCOL_VERSION } from './version.ts';

export type Negotiation = { ok: true; version: ProtocolVersion } | { ok: false; error: ErrorFrame };

/**
 * Server-side version check for a ClientHello. Majors must be equal; otherwise the client gets a
 * VersionMismatch error with the reload hint (a reload fetches a client bundle of the server's
 * major). Minors may differ: the session runs at the lower minor, so neither side uses an addition
 * the other does not know.
 */
export function negotiate(client: ProtocolVersion, server: ProtocolVersion = PROTOCOL_VERSION): Negotiation {
  if (client.major !== server.major) {
    return {
      ok: false,
      error: {
        type: FrameType.Error,
        code: ErrorCode.VersionMismatch,
        message: `client protocol ${client.major}.${client.minor}, server ${server.major}.${server.minor}`,
        reload: true,
      },
    };
  }
  return { ok: true, version: { major: server.major, minor: Math.min(client.minor, server.minor) } };
}
