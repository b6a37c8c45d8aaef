/**
 * Limits and timings of the session runtime. Every buffer and queue is bounded by one of these.
 */
import { C2S_LIMITS, S2C_LIMITS, type Limits } from '../protocol/limits.ts';

export interface SessionOptions {
  /** Events waiting to be handled; more is a misbehaving client (closed with RateLimited). */
  maxQueuedEvents: number;
  /** Sustained events per second a session may send, and the burst above it. */
  eventRate: number;
  eventBurst: number;
  /** Bytes the transport may hold unsent before the session stops sending and later resyncs. */
  maxBufferedBytes: number;
  /** Sent frames kept for replay after a gap or a reconnect. */
  replayFrames: number;
  replayBytes: number;
  /** Decoder caps for client frames. */
  clientLimits: Limits;
  /** Largest frame the server sends (the client's decoder cap). */
  maxServerFrame: number;
  /** Estimated bytes one session may hold (tree, history, queue) before it is closed. */
  maxSessionBytes: number;
  /**
   * Page prefetches (a hovered `<Link prefetch>`) per second and burst; more are ignored, not an error.
   * They also count against `eventRate`.
   */
  prefetchRate: number;
  prefetchBurst: number;
  /** How long a prefetched page waits for its navigation before it is dropped (ms). */
  prefetchTtl: number;
}

export interface ManagerOptions {
  session: SessionOptions;
  /** Live sessions at most; beyond it the least recently used detached session is evicted. */
  maxSessions: number;
  /** How long a rendered page waits for its socket before its session is dropped (ms). */
  pendingWindow: number;
  /** How long a disconnected session stays resumable (ms). */
  resumeWindow: number;
  /** A connected session with no event for this long is closed (ms; 0 = never). */
  idleTimeout: number;
  /** How often expired sessions are swept (ms). */
  sweepInterval: number;
  /** Clock (ms); replaceable in tests. */
  now: () => number;
}

export const DEFAULT_SESSION: SessionOptions = {
  maxQueuedEvents: 256,
  eventRate: 200,
  eventBurst: 400,
  maxBufferedBytes: 1 << 20,
  replayFrames: 64,
  replayBytes: 256 << 10,
  clientLimits: C2S_LIMITS,
  maxServerFrame: S2C_LIMITS.maxFrame,
  maxSessionBytes: 16 << 20,
  prefetchRate: 2,
  prefetchBurst: 4,
  prefetchTtl: 10_000,
};

export const DEFAULT_MANAGER: ManagerOptions = {
  session: DEFAULT_SESSION,
  maxSessions: 100_000,
  pendingWindow: 60_000,
  resumeWindow: 5 * 60_000,
  idleTimeout: 60 * 60_000,
  sweepInterval: 5_000,
  now: () => Date.now(),
};

/** Merge partial options over the defaults, one level deep. */
export function managerOptions(o: Partial<Omit<ManagerOptions, 'session'>> & { session?: Partial<SessionOptions> } = {}): ManagerOptions {
  return { ...DEFAULT_MANAGER, ...o, session: { ...DEFAULT_SESSION, ...o.session } };
}
