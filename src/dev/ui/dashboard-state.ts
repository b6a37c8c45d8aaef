/** What the dashboard shows, folded from dev events. Pure, so the wording can be tested without a terminal. */
import type { DevEvent, DevProblem } from '../events.ts';
import { resetLine, warnLine } from './format.ts';

export interface LastUpdate {
  /** Wall clock "HH:MM:SS". */
  at: string;
  files: string[];
  what: 'hot' | 'css' | 'routes' | 'full';
  ms: number;
}

export interface DashboardState {
  url?: string;
  readyMs?: number;
  /** Set between 'restart' and the next 'ready'. */
  restarting?: string;
  sessions: number;
  last?: LastUpdate;
  problem?: DevProblem;
  /** Newest last, at most {@link RECENT_MAX}. */
  recent: string[];
}

export const RECENT_MAX = 5;

export const initialState = (): DashboardState => ({ sessions: 0, recent: [] });

const clock = (d: Date): string => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

const remember = (recent: string[], line: string): string[] => [...recent, line].slice(-RECENT_MAX);

export function reduce(s: DashboardState, e: DevEvent, now: Date = new Date()): DashboardState {
  switch (e.type) {
    case 'ready':
      return { ...s, url: e.url, readyMs: e.ms, restarting: undefined };
    case 'update':
      return { ...s, last: { at: clock(now), files: e.files, what: e.what, ms: e.ms } };
    case 'problem':
      return { ...s, problem: e.problem };
    case 'clear':
      return { ...s, problem: undefined };
    case 'reset':
      return { ...s, recent: remember(s.recent, resetLine(e)) };
    case 'warn':
      return { ...s, recent: remember(s.recent, warnLine(e)) };
    case 'sessions':
      return { ...s, sessions: e.count };
    case 'restart':
      return { ...s, restarting: e.reason };
    case 'reload':
      return { ...s, recent: remember(s.recent, `reload: ${e.reason}`) };
    default:
      // 'css' is covered by its 'update'; unknown future events are ignored.
      return s;
  }
}

/** The `c` key: forget the notices the user has read. A live problem stays until the server clears it. */
export const clearNotices = (s: DashboardState): DashboardState => ({ ...s, recent: [] });
