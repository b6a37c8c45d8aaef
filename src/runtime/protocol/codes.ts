/**
 * Numeric codes carried by Error and Close frames, and reported by failed decodes. Values are wire
 * values: never renumber, only append. Receivers must accept codes they do not know.
 */

/** Why something failed. Carried by the Error frame and by a failed `DecodeResult`. */
export const ErrorCode = {
  /** Malformed frame: truncated, trailing bytes, bad varint, invalid UTF-8, unknown kind/type. */
  BadFrame: 1,
  /** The frame is larger than the receiver's frame cap. */
  FrameTooLarge: 2,
  /** A string, collection or nesting depth inside the frame exceeds the receiver's limits. */
  LimitExceeded: 3,
  /** Protocol major versions differ; the client should reload to get a matching bundle. */
  VersionMismatch: 4,
  /** CSRF token or origin rejected. */
  Unauthorized: 5,
  /** The session to resume is gone; the client should reload. */
  SessionExpired: 6,
  RateLimited: 7,
  ServerError: 8,
  /** The server refuses new work for now; retry later. */
  Overloaded: 9,
  /** An event or patch named a hid that does not exist. */
  UnknownHid: 10,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Why a peer closes the session gracefully. Carried by the Close frame. */
export const CloseCode = {
  Normal: 0,
  /** The page is unloading (client) or the server is shutting down. */
  GoingAway: 1,
  /** The same session was opened by another connection. */
  Replaced: 2,
  /** Closed for inactivity. */
  Idle: 3,
  SessionExpired: 4,
  /** The server is restarting; reconnect and resume. */
  Restart: 5,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
