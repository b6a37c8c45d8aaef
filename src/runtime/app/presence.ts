/**
 * Presence: who is here right now. A `presence()` made at module level is shared by every session
 * (like any module-level signal); each component that calls `join(info)` is listed while its session's
 * socket is connected, and leaves when the socket drops, the component unmounts or the session closes.
 */
import { effect, signal, untrack, type Signal } from '../reactive/index.ts';
import { currentSession } from './session.ts';

export interface Presence<T> {
  /** Everyone here, in the order they arrived. Reading it subscribes, so the list stays live. */
  list(): T[];
  /** How many are here. */
  count(): number;
  /**
   * List this component (with `info`, taken when it arrives) while its session is connected. Call it
   * unconditionally at the top of a component, like `signal()`. Returns this member's key.
   * Joining is an effect, so the member shows from the next render on. Without a session (a
   * `vango/test` mount) the component counts as connected.
   */
  join(info: T): string;
}

let nextKey = 0;

/** A shared presence list. Create it once, at module level. */
export function presence<T>(): Presence<T> {
  const members = signal(new Map<string, T>()) as unknown as Signal<Map<string, T>>;
  // Untracked: the effect that writes the list must depend on the connection only, not on the list.
  const set = (key: string, info: T | undefined) =>
    untrack(() => {
      const next = new Map(members.get());
      if (info === undefined) {
        if (!next.delete(key)) return;
      } else next.set(key, info);
      members.set(next);
    });
  return {
    list: () => [...members.get().values()],
    count: () => members.get().size,
    join(info) {
      const session = currentSession();
      // One key per joined component, kept across its re-renders by the slot. Never the session id:
      // that is a credential, and apps may show or send keys.
      const key = signal(`m${++nextKey}`).get();
      const connected = session?.connected;
      effect(() => {
        if (connected === undefined || connected.get()) set(key, info);
        else set(key, undefined);
        return () => set(key, undefined);
      });
      return key;
    },
  };
}
