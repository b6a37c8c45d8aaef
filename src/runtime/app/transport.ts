/**
 * The one thing a session needs from a connection: a way to send a frame and to close. A WebSocket
 * (Node adapter) and a MessagePort (the PWA's in-browser server) both fit.
 */
export interface Transport {
  /** Send one binary frame. */
  send(frame: Uint8Array): void;
  /** Bytes accepted by `send` but not yet written to the network (0 when the transport cannot tell). */
  readonly buffered: number;
  /** Close the connection; the session stays resumable. */
  close(code: number, reason: string): void;
}
