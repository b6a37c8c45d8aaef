/**
 * Dev inspection: a snapshot of any graph node for devtools and debugging. Nothing is registered
 * globally; callers hold the nodes they want to inspect.
 */
import {
  Flag,
  type Link,
} from './graph.ts';
import { Owner } from './owner.ts';

export type NodeKind = 'signal' | 'memo' | 'effect' | 'reaction' | 'owner';

export interface NodeDescription {
  readonly kind: NodeKind;
  readonly name: string | undefined;
  /** Signal value, or a memo's cached value (not recomputed by describing it). */
  readonly value?: unknown;
  /** The memo's cached error, if its last computation threw. */
  readonly error?: unknown;
  /** How many computations currently read it (signals/memos). */
  readonly subscribers: number;
  /** How many nodes it read in its last run (memos/effects/reactions). */
  readonly dependencies: number;
  /** A dependency changed since it last ran (memos/effects/reactions). */
  readonly stale: boolean;
  readonly disposed: boolean;
}

interface AnyNode {
  _flags: number;
  name: string | undefined;
  _subs?: Link | undefined;
  _deps?: Link | undefined;
  _value?: unknown;
}

function countSubs(l: Link | undefined): number {
  let n = 0;
  for (; l !== undefined; l = l.nextSub) n++;
  return n;
}

function countDeps(l: Link | undefined): number {
  let n = 0;
  for (; l !== undefined; l = l.nextDep) n++;
  return n;
}

/** Describe a signal, memo, effect, reaction or owner without changing it. */
export function describe(node: object): NodeDescription {
  const n = node as AnyNode;
  const f = n._flags;
  if (typeof f !== 'number') throw new TypeError('describe(): not a reactive node');
  const disposed = (f & Flag.DISPOSED) !== 0;
  const stale = (f & (Flag.DIRTY | Flag.PENDING)) !== 0;
  if (node instanceof Owner) return { kind: 'owner', name: n.name, subscribers: 0, dependencies: 0, stale: false, disposed };
  if ((f & Flag.MEMO) !== 0) {
    const base = { kind: 'memo' as const, name: n.name, subscribers: countSubs(n._subs), dependencies: countDeps(n._deps), stale, disposed };
    return (f & Flag.ERRORED) !== 0 ? { ...base, value: undefined, error: n._value } : { ...base, value: n._value };
  }
  if ((f & (Flag.EFFECT | Flag.REACTION)) !== 0) {
    return { kind: (f & Flag.EFFECT) !== 0 ? 'effect' : 'reaction', name: n.name, subscribers: 0, dependencies: countDeps(n._deps), stale, disposed };
  }
  return { kind: 'signal', name: n.name, value: n._value, subscribers: countSubs(n._subs), dependencies: 0, stale: false, disposed: false };
}
