import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/runtime/protocol/codes.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { encodeServerFrame } from '../../../src/runtime/protocol/encode-s2c.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import { negotiate } from '../../../src/runtime/protocol/negotiate.ts';
import { PROTOCOL_VERSION } from '../../../src/runtime/protocol/version.ts';

describe('negotiate', () => {
  it('accepts the same version', () => {
    expect(negotiate(PROTOCOL_VERSION)).toEqual({ ok: true, version: PROTOCOL_VERSION });
  });

  it('runs a session at the lower minor when minors differ', () => {
    expect(negotiate({ major: 2, minor: 5 }, { major: 2, minor: 3 })).toEqual({ ok: true, version: { major: 2, minor: 3 } });
    expect(negotiate({ major: 2, minor: 1 }, { major: 2, minor: 3 })).toEqual({ ok: true, version: { major: 2, minor: 1 } });
  });

  it.each([
    [{ major: 0, minor: 9 }, { major: 1, minor: 0 }],
    [{ major: 2, minor: 0 }, { major: 1, minor: 0 }],
  ])('answers a different major (%j vs %j) with VersionMismatch + reload', (client, server) => {
    const r = negotiate(client, server);
    expect(r).toEqual({
      ok: false,
      error: {
        type: FrameType.Error,
        code: ErrorCode.VersionMismatch,
        message: `client protocol ${client.major}.${client.minor}, server ${server.major}.${server.minor}`,
        reload: true,
      },
    });
    if (!r.ok) expect(decodeServerFrame(encodeServerFrame(r.error))).toEqual({ ok: true, value: r.error });
  });
});
