import { ErrorCode } from './codes.ts';

/**
 * Raised inside the protocol readers. Exported `decode*` functions catch it and return a failed
 * `DecodeResult`, so it never reaches their callers.
 */
export class ProtocolError extends Error {
  // `declare`: no class-field initializer, so bundlers targeting older engines emit no helper.
  declare readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Outcome of a decode: decoders never throw. */
export type DecodeResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; message: string };

export type DecodeFailure = Extract<DecodeResult<unknown>, { ok: false }>;

export function fail(code: ErrorCode, message: string): never {
  throw new ProtocolError(code, message);
}

/**
 * Converts anything thrown during a decode into a failure. Anything other than a ProtocolError is a
 * decoder bug; the `internal:` prefix lets the fuzz tests detect it.
 */
export function failure(e: unknown): DecodeFailure {
  return e instanceof ProtocolError
    ? { ok: false, code: e.code, message: e.message }
    : { ok: false, code: ErrorCode.BadFrame, message: 'internal: ' + String(e) };
}
