/**
 * The session manager: creates sessions, finds them for a reconnect, enforces the limits (count with
 * LRU eviction of disconnected sessions, resume and idle windows, per-session size), and shuts down
 * gracefully.
 */
import { CloseCode, ErrorCode } from '../protocol/codes.ts';
import { ProtocolError } from '../protocol/errors.ts';
import { safeEqual } from './ids.ts';
import { managerOptions, type ManagerOptions, type SessionOptions } from './options.ts';
import { Session, type SessionHost } from './session.ts';

export interface ManagerEvents {
  /** App code threw (handler, render, effect). Default: console.error. */
  onError?: (error: unknown, session: Session, where: string) => void;
}

export type ManagerInit = Partial<Omit<ManagerOptions, 'session'>> & { session?: Partial<SessionOptions> } & ManagerEvents;

export class SessionManager implements SessionHost {
  readonly config: ManagerOptions;
  /** Insertion order is recency order: a touched session is moved to the end. */
  private readonly sessions = new Map<string, Session>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private accepting = true;
  private readonly onError: NonNullable<ManagerEvents['onError']>;

  constructor(init: ManagerInit = {}) {
    this.config = managerOptions(init);
    this.onError = init.onError ?? ((err, s, where) => console.error(`[vango] error in ${where} (session ${s.id.slice(0, 8)}):`, err));
    if (this.config.sweepInterval > 0) {
      this.timer = setInterval(() => this.sweep(), this.config.sweepInterval);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  get options(): SessionOptions {
    return this.config.session;
  }

  now(): number {
    return this.config.now();
  }

  report(error: unknown, session: Session, where: string): void {
    this.onError(error, session, where);
  }

  closed(session: Session): void {
    this.sessions.delete(session.id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** A new session; evicts the least recently used disconnected one when full. */
  create(): Session {
    if (!this.accepting) throw new ProtocolError(ErrorCode.Overloaded, 'server is shutting down');
    if (this.sessions.size >= this.config.maxSessions && !this.evictOne()) {
      throw new ProtocolError(ErrorCode.Overloaded, `session limit reached (${this.config.maxSessions})`);
    }
    const s = new Session(this);
    this.sessions.set(s.id, s);
    return s;
  }

  /** The session with this id when the CSRF token matches, touched as most recently used. */
  claim(id: string, csrf: string): Session | undefined {
    const s = this.sessions.get(id);
    if (!s || s.state === 'closed' || !safeEqual(s.csrf, csrf)) return undefined;
    this.sessions.delete(id);
    this.sessions.set(id, s);
    return s;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  all(): IterableIterator<Session> {
    return this.sessions.values();
  }

  private evictOne(): boolean {
    for (const s of this.sessions.values()) {
      if (s.state === 'pending' || s.state === 'detached') {
        s.close(CloseCode.SessionExpired, 'evicted');
        return true;
      }
    }
    return false;
  }

  /** Close sessions whose window ran out. */
  sweep(now = this.now()): void {
    const c = this.config;
    for (const s of [...this.sessions.values()]) {
      const age = now - s.lastSeen;
      if (s.state === 'pending' && age > c.pendingWindow) s.close(CloseCode.SessionExpired, 'never connected');
      else if (s.state === 'detached' && age > c.resumeWindow) s.close(CloseCode.SessionExpired, 'resume window ended');
      else if (s.state === 'attached' && c.idleTimeout > 0 && age > c.idleTimeout) s.close(CloseCode.Idle, 'idle');
    }
  }

  /**
   * Stop accepting sessions, let in-flight events finish (up to `graceMs`), then close every session
   * with a reason the client understands (`Restart` reconnects, `GoingAway` does not).
   */
  async shutdown(graceMs = 5_000, code: number = CloseCode.GoingAway, reason = 'server shutting down'): Promise<void> {
    this.accepting = false;
    if (this.timer) clearInterval(this.timer);
    const all = [...this.sessions.values()];
    await Promise.race([Promise.all(all.map((s) => s.idle())), new Promise((r) => setTimeout(r, graceMs))]);
    for (const s of all) s.close(code, reason);
  }
}
