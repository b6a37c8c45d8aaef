/**
 * Reactions: tracked computations for the component layer. Instead of re-running, a reaction calls
 * `onStale()` once when something it read changes, and stays quiet until the next `track()`.
 */
import {
  Flag,
  adopt,
  resolveOwner,
  disposeReaction,
  trackReaction,
  type Link,
  type OwnerNode,
  type ReactionState,
} from './graph.ts';

export interface ReactionOptions {
  name?: string;
}

export class Reaction implements ReactionState {
  /** @internal */ declare _flags: number;
  /** @internal */ declare _deps: Link | undefined;
  /** @internal */ declare _depsTail: Link | undefined;
  /** @internal */ declare _onStale: () => void;
  declare name: string | undefined;

  constructor(onStale: () => void, name: string | undefined) {
    this._flags = Flag.REACTION;
    this._deps = undefined;
    this._depsTail = undefined;
    this._onStale = onStale;
    this.name = name;
  }

  /**
   * Run `fn`, record what it read (replacing the previous dependencies) and re-arm `onStale`. Effects
   * triggered during `fn` run when it returns. After `dispose()` it just runs `fn` untracked.
   */
  track<T>(fn: () => T): T {
    return trackReaction(this, fn);
  }

  /** Whether a dependency changed since the last `track()` (onStale was or is about to be called). */
  get stale(): boolean {
    return (this._flags & Flag.DIRTY) !== 0;
  }

  get disposed(): boolean {
    return (this._flags & Flag.DISPOSED) !== 0;
  }

  dispose(): void {
    disposeReaction(this);
  }
}

/**
 * Create a reaction. `onStale` is called synchronously at the end of the batch in which a tracked
 * dependency changed, once, and not again until the next `track()`. Owned by the current owner.
 */
export function reaction(onStale: () => void, opts?: ReactionOptions): Reaction {
  const r = new Reaction(onStale, opts?.name);
  const owner = resolveOwner();
  if (owner !== undefined && !adopt(owner, r)) r._flags |= Flag.DISPOSED;
  return r;
}
