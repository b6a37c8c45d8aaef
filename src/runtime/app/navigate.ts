/**
 * `navigate(path)` for server code: move the current session to another page, as a link click would
 * (history push, layouts kept), once the running handler has finished.
 */
import { currentSession } from './session.ts';

export interface NavigateOptions {
  /** Replace the current history entry instead of pushing one. */
  replace?: boolean;
}

export function navigate(path: string, opts: NavigateOptions = {}): void {
  const session = currentSession();
  if (!session) throw new Error(`navigate(${JSON.stringify(path)}) must be called while a session handles an event or renders (inside an event handler).`);
  session.requestNavigation(path, opts.replace === true);
}
