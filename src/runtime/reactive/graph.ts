/**
 * The dependency graph: dependency tracking, push-pull propagation, the effect queue and the
 * ownership primitives shared by every node kind.
 *
 * Algorithm (push flags, pull values):
 * - Each subscriber keeps a doubly linked list of `Link`s to what it read; each source keeps a doubly
 *   linked list of the same links to who read it. A link records the source's `_version` at read time.
 * - A write bumps the signal's version and pushes flags: direct subscribers become DIRTY, everything
 *   further downstream PENDING. Effects/reactions reached this way are queued. No user code runs.
 * - Reading a PENDING memo (or flushing a PENDING effect) walks its dependencies, refreshing PENDING/DIRTY
 *   memos first (iteratively, no recursion), and recomputes only when some dependency's version differs
 *   from the version recorded on the link. A memo that recomputes to an equal value keeps its version,
 *   so its dependents are not recomputed. Each node recomputes at most once per change (glitch-free).
 * - Runs are re-tracked in place: a run walks the old link list and reuses links that match the read
 *   order, creates links where it diverges, and unlinks the leftovers at the end.
 *
 * Node classes live in their own files; this module only relies on their (monomorphic) fields.
 */
import { MemoCycleError, MemoWriteError, ReactiveLoopError, reportReactiveError } from './errors.ts';

// ---------------------------------------------------------------------------------------------------
// Flags (one small int per node; plain consts so the JIT folds them)

/** Must recompute: a direct dependency changed. */
const DIRTY = 1;
/** Some upstream node changed; dependencies must be checked before trusting the cached value. */
const PENDING = 2;
/** The node's function is running right now. */
const RUNNING = 4;
/** Sitting in the effect queue. */
const QUEUED = 8;
const DISPOSED = 16;
const MEMO = 32;
const EFFECT = 64;
const REACTION = 128;
/** A memo whose last computation threw; `_value` holds the error and reads rethrow it. */
const ERRORED = 256;
/** An owner whose component is rendering: signal()/memo()/effect() resolve to slots. */
const SLOTTING = 512;
/** An owner that completed one slotted render: later renders must use the same hooks. */
const SEALED = 1024;
/** A memo without subscribers: not registered with its sources (see `attach`/`detach`). */
const DETACHED = 2048;
/**
 * Run parity: toggled at the start of every run of a subscriber and copied onto the links that run
 * reads. One bit suffices because a link not re-read by a run is unlinked at the end of that run, so a
 * live link always belongs to the current or the previous run.
 */
const EPOCH = 4096;
/** A memo that has not produced a value yet. */
const UNSET = 8192;
const STALE = DIRTY | PENDING;

/**
 * Flag values for the other modules (cold paths only). Inside this module the flags are plain,
 * unexported consts: V8 folds those into the machine code, whereas every exported binding is read
 * through a cell with a hole check, which on the hot paths cost ~25% of all instructions.
 */
export const Flag = {
  DIRTY,
  PENDING,
  RUNNING,
  QUEUED,
  DISPOSED,
  MEMO,
  EFFECT,
  REACTION,
  ERRORED,
  SLOTTING,
  SEALED,
  STALE,
  DETACHED,
  EPOCH,
  UNSET,
} as const;

const MAX_RERUNS = 100;
/** How many times one effect may re-run within a single flush before it is stopped as a loop. */
export const MAX_EFFECT_RERUNS = MAX_RERUNS;



// ---------------------------------------------------------------------------------------------------
// Node shapes

/** Options shared by signals and memos (kept by reference: one field instead of two per node). */
export interface NodeOptions {
  equals?: Equals<any> | false;
  name?: string;
}

/** Anything that can be read and tracked: signals and memos. */
export interface SourceNode {
  _flags: number;
  _subs: Link | undefined;
  _version: number;
  _subsTail: Link | undefined;
  readonly name: string | undefined;
}

/** Anything that tracks what it reads: memos, effects, reactions. */
export interface SubscriberNode {
  _flags: number;
  _deps: Link | undefined;
  _depsTail: Link | undefined;
  readonly name: string | undefined;
}

export type Equals<T> = (a: T, b: T) => boolean;

export interface SignalState extends SourceNode {
  _value: unknown;
  _opts: NodeOptions | undefined;
}

/** Something an owner disposes: child owners, effects, memos, reactions. */
export interface OwnedNode {
  _flags: number;
  dispose(): void;
}

export type OwnedItem = OwnedNode | (() => void);

/** Something that can be the current owner: `Owner`, effects and memos (for what they create). */
export interface OwnerNode extends OwnedNode {
  /** Children and cleanup functions in registration order (lazily allocated). */
  _owned: OwnedItem[] | undefined;
  readonly name: string | undefined;
}

/**
 * A long-lived owner (`Owner`) compacts `_owned` (dropping children disposed on their own) whenever
 * the list reaches `_compactAt` entries, so churn under a long-lived owner stays bounded (amortized O(1)).
 */
export interface ScopeNode extends OwnerNode {
  _compactAt: number;
}

export interface MemoState extends SourceNode, SubscriberNode, OwnerNode {
  _fn: (prev: unknown) => unknown;
  /** The value, or the thrown error while ERRORED. */
  _value: unknown;
  _opts: NodeOptions | undefined;
  /** While DETACHED: the `writeCounter` at which the value was last known current. */
  _checkedAt: number;
}

export interface EffectState extends SubscriberNode, OwnerNode {
  _fn: () => unknown;
  _cleanup: (() => void) | undefined;
  /** Loop guard: `(flush id << 8) | runs in that flush`. */
  _loop: number;
}

export interface ReactionState extends SubscriberNode, OwnedNode {
  _onStale: () => void;
}

/**
 * One edge of the graph, threaded through the subscriber's dependency list (singly linked: it is only
 * ever cut after the last re-read link, or entirely) and the source's subscriber list (doubly linked:
 * subscribers leave from anywhere).
 */
export class Link {
  declare dep: SourceNode;
  declare sub: SubscriberNode;
  /** `dep._version` when last read through this link. */
  declare version: number;
  /** `sub._flags & EPOCH` of the run that last read through this link. */
  declare epoch: number;
  declare nextDep: Link | undefined;
  declare prevSub: Link | undefined;
  declare nextSub: Link | undefined;

  constructor(
    dep: SourceNode,
    sub: SubscriberNode,
    version: number,
    epoch: number,
    nextDep: Link | undefined,
    prevSub: Link | undefined,
  ) {
    this.dep = dep;
    this.sub = sub;
    this.version = version;
    this.epoch = epoch;
    this.nextDep = nextDep;
    this.prevSub = prevSub;
    this.nextSub = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Global state

/** The computation recording reads, if any. */
let activeSub: SubscriberNode | undefined;
/**
 * Ownership is resolved lazily so that effect and memo runs only swap `activeSub`: a running effect or
 * memo owns what is created inside it, unless `runWithOwner` (or untrack/track, which must keep the
 * owner while changing `activeSub`) set an explicit owner during that very run (`ownerSetBy`).
 */
let currentOwner: OwnerNode | undefined;
let ownerSetBy: SubscriberNode | undefined;

/** The owner new effects/memos/owners/cleanups attach to. */
export function resolveOwner(): OwnerNode | undefined {
  const s = activeSub;
  if (s !== ownerSetBy && s !== undefined && (s._flags & (MEMO | EFFECT)) !== 0) return s as MemoState;
  return currentOwner;
}
/** > 0 inside batch(), a flush, an effect's first run or a reaction's track(). */
let batchDepth = 0;
/** Counts value-changing signal writes (wrapping); lets detached memos skip re-verification. */
let writeCounter = 0;
/** Flush id for the effect loop guard (23 bits, see `EffectState._loop`). */
let flushCounter = 0;

const queue: Array<SubscriberNode | undefined> = [];
let queueHead = 0;
let queueTail = 0;

// ---------------------------------------------------------------------------------------------------
// Tracking

/**
 * Record that the active computation read `dep`. The common cases (no computation; the same read
 * order as last run, so the existing link is reused) stay small enough to inline into every getter.
 */
function track(dep: SourceNode): void {
  const sub = activeSub;
  if (sub === undefined) return;
  const tail = sub._depsTail;
  if (tail !== undefined && tail.dep === dep) return; // the same dep read twice in a row
  const next = tail !== undefined ? tail.nextDep : sub._deps;
  if (next !== undefined && next.dep === dep) {
    next.version = dep._version;
    next.epoch = sub._flags & EPOCH;
    sub._depsTail = next;
    return;
  }
  linkNew(dep, sub, tail, next);
}

/** Record a read of `dep` by the running computation (for signals; see `track`). */
export function trackRead(dep: SourceNode): void {
  track(dep);
}

/** A read that does not match the previous run's order: insert a link after `tail`. */
function linkNew(dep: SourceNode, sub: SubscriberNode, tail: Link | undefined, next: Link | undefined): void {
  if ((sub._flags & DETACHED) !== 0) {
    // Nobody observes this memo: its dependency list stays private until `attach` publishes it.
    const d = new Link(dep, sub, dep._version, sub._flags & EPOCH, next, undefined);
    if (tail !== undefined) tail.nextDep = d;
    else sub._deps = d;
    sub._depsTail = d;
    return;
  }
  const lastSub = dep._subsTail;
  const epoch = sub._flags & EPOCH;
  if (lastSub !== undefined && lastSub.sub === sub && lastSub.epoch === epoch) return; // already read this run
  const l = new Link(dep, sub, dep._version, epoch, next, lastSub);
  if (tail !== undefined) tail.nextDep = l;
  else sub._deps = l;
  sub._depsTail = l;
  dep._subsTail = l;
  if (lastSub !== undefined) lastSub.nextSub = l;
  else {
    dep._subs = l;
    if ((dep._flags & DETACHED) !== 0) attach(dep as MemoState);
  }
}

/** Remove a link from its source's subscriber list; returns the subscriber's next link. */
function unlinkFromSource(l: Link): Link | undefined {
  const dep = l.dep;
  const prevSub = l.prevSub;
  const nextSub = l.nextSub;
  if (nextSub !== undefined) nextSub.prevSub = prevSub;
  else dep._subsTail = prevSub;
  if (prevSub !== undefined) prevSub.nextSub = nextSub;
  else if ((dep._subs = nextSub) === undefined && (dep._flags & (MEMO | DISPOSED)) === MEMO) detach(dep as MemoState);
  return l.nextDep;
}

/** Drop the links a run did not re-read (everything after `_depsTail`). */
function purgeStale(sub: SubscriberNode): void {
  const tail = sub._depsTail;
  let l: Link | undefined;
  if (tail !== undefined) {
    l = tail.nextDep;
    if (l === undefined) return;
    tail.nextDep = undefined;
  } else {
    l = sub._deps;
    if (l === undefined) return;
    sub._deps = undefined;
  }
  if ((sub._flags & DETACHED) !== 0) return;
  do l = unlinkFromSource(l);
  while (l !== undefined);
}

/** Drop every dependency (disposal). */
function unlinkAll(sub: SubscriberNode): void {
  let l = sub._deps;
  sub._deps = undefined;
  sub._depsTail = undefined;
  if ((sub._flags & DETACHED) !== 0) return;
  while (l !== undefined) l = unlinkFromSource(l);
}

/*
 * Observation. A memo with no subscribers is DETACHED: it keeps its dependency list (with the versions
 * it read) but is not in its sources' subscriber lists, so long-lived signals do not keep it alive and
 * writes do not flag it. Reading it verifies the recorded versions instead (skipped entirely when no
 * signal changed since its last verification, see `writeCounter`), so it still recomputes only when a
 * dependency actually changed. Gaining a subscriber re-attaches it. Both walks use a work list, not
 * recursion, so long chains cannot overflow the stack.
 */

const attachList: MemoState[] = [];
const detachList: MemoState[] = [];
let attaching = false;
let detaching = false;

function attach(first: MemoState): void {
  attachList.push(first);
  if (attaching) return;
  attaching = true;
  while (attachList.length > 0) {
    const m = attachList.pop()!;
    m._flags &= ~DETACHED;
    let prev: Link | undefined;
    let l = m._deps;
    while (l !== undefined) {
      const dep = l.dep;
      const next = l.nextDep;
      const last = dep._subsTail;
      if (last !== undefined && last.sub === m) {
        // The same source read twice while detached (no dedupe then): keep one link.
        if (prev !== undefined) prev.nextDep = next;
        else m._deps = next;
        if (m._depsTail === l) m._depsTail = prev;
      } else {
        l.prevSub = last;
        l.nextSub = undefined;
        dep._subsTail = l;
        if (last !== undefined) last.nextSub = l;
        else {
          dep._subs = l;
          if ((dep._flags & DETACHED) !== 0) attachList.push(dep as MemoState);
        }
        prev = l;
      }
      l = next;
    }
  }
  attaching = false;
}

function detach(first: MemoState): void {
  detachList.push(first);
  if (detaching) return;
  detaching = true;
  while (detachList.length > 0) {
    const m = detachList.pop()!;
    if (m._subs !== undefined || (m._flags & DETACHED) !== 0) continue;
    m._flags |= DETACHED;
    m._checkedAt = writeCounter - 1; // unknown: verify on next read
    for (let l = m._deps; l !== undefined; l = l.nextDep) {
      const dep = l.dep;
      const prevSub = l.prevSub;
      const nextSub = l.nextSub;
      if (nextSub !== undefined) nextSub.prevSub = prevSub;
      else dep._subsTail = prevSub;
      if (prevSub !== undefined) prevSub.nextSub = nextSub;
      else if ((dep._subs = nextSub) === undefined && (dep._flags & (MEMO | DISPOSED)) === MEMO) detachList.push(dep as MemoState);
      l.prevSub = undefined;
      l.nextSub = undefined;
    }
  }
  detaching = false;
}

// ---------------------------------------------------------------------------------------------------
// Push: flag downstream nodes and queue effects

const pushStack: Array<Link | undefined> = [];

/** A signal changed: its subscribers are DIRTY, their downstream PENDING. */
function propagate(first: Link): void {
  let l: Link | undefined = first;
  do {
    const sub: SubscriberNode = l.sub;
    const f = sub._flags;
    if ((f & STALE) === 0) {
      // A running computation only cares about links it has already read in this run.
      if ((f & RUNNING) === 0 || l.epoch === (f & EPOCH)) {
        sub._flags = f | DIRTY;
        if ((f & MEMO) !== 0) {
          const subs = (sub as MemoState)._subs;
          if (subs !== undefined) propagatePending(subs);
        } else if ((f & QUEUED) === 0) {
          sub._flags = f | DIRTY | QUEUED;
          queue[queueTail++] = sub;
        }
      }
    } else if ((f & DIRTY) === 0) {
      sub._flags = f | DIRTY;
    }
    l = l.nextSub;
  } while (l !== undefined);
}

function propagatePending(first: Link): void {
  let l: Link = first;
  let sp = 0;
  for (;;) {
    const sub = l.sub;
    const f = sub._flags;
    let down: Link | undefined;
    if ((f & STALE) === 0 && ((f & RUNNING) === 0 || l.epoch === (f & EPOCH))) {
      sub._flags = f | PENDING;
      if ((f & MEMO) !== 0) down = (sub as MemoState)._subs;
      else if ((f & QUEUED) === 0) {
        sub._flags = f | PENDING | QUEUED;
        queue[queueTail++] = sub;
      }
    }
    const next = l.nextSub;
    if (down !== undefined) {
      if (next !== undefined) pushStack[sp++] = next;
      l = down;
    } else if (next !== undefined) {
      l = next;
    } else if (sp > 0) {
      l = pushStack[--sp]!;
      pushStack[sp] = undefined;
    } else {
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Pull: bring memos up to date

const checkStack: Array<Link | undefined> = [];
let checkTop = 0;

/**
 * Whether a PENDING subscriber must re-run: walks its dependencies in read order, refreshing stale
 * memos on the way (depth-first, with an explicit stack), and stops at the first dependency whose
 * version moved. Memos found dirty during the walk are recomputed in place.
 */
function checkDeps(root: SubscriberNode): boolean {
  const base = checkTop;
  let sub: SubscriberNode = root;
  let l = root._deps;
  for (;;) {
    if (l !== undefined) {
      const dep = l.dep;
      const df = dep._flags;
      if ((df & MEMO) !== 0 && (df & (STALE | DETACHED)) !== 0) {
        if ((df & DIRTY) !== 0) {
          recomputeMemo(dep as MemoState);
        } else if ((df & PENDING) !== 0 || (dep as MemoState)._checkedAt !== writeCounter) {
          checkStack[checkTop++] = l;
          sub = dep as MemoState;
          l = (dep as MemoState)._deps;
          continue;
        }
      }
      if (l.version === dep._version) {
        l = l.nextDep;
        continue;
      }
      if (checkTop === base) return true;
      recomputeMemo(sub as MemoState);
    } else {
      if (checkTop === base) return false;
      sub._flags &= ~PENDING;
      (sub as MemoState)._checkedAt = writeCounter;
    }
    // Back to the memo's reader; the loop re-examines that link against the memo's (new) version.
    l = checkStack[--checkTop]!;
    checkStack[checkTop] = undefined;
    sub = l.sub;
  }
}

/** Make sure a memo's cached value is current. */
function refreshMemo(m: MemoState): void {
  const f = m._flags;
  if ((f & RUNNING) !== 0) throw new MemoCycleError(nodeName(m));
  if ((f & DIRTY) !== 0) recomputeMemo(m);
  else if ((f & PENDING) !== 0 || ((f & DETACHED) !== 0 && m._checkedAt !== writeCounter)) {
    if (checkDeps(m)) recomputeMemo(m);
    else {
      m._flags &= ~PENDING;
      m._checkedAt = writeCounter;
    }
  }
}

/**
 * `Memo.prototype.get` (installed by memo.ts, so that this body sees the unexported flag consts and a
 * first read of a long chain recurses through only get → recomputeMemo → fn per link).
 */
export function memoGet(this: MemoState): unknown {
  const f = this._flags;
  if ((f & (STALE | RUNNING | ERRORED | DETACHED)) === 0) {
    track(this);
    return this._value;
  }
  if ((f & (DIRTY | RUNNING)) === DIRTY) recomputeMemo(this);
  else refreshMemo(this);
  track(this);
  if ((this._flags & ERRORED) !== 0) throw this._value;
  return this._value;
}

/** `Memo.prototype.peek`: like `memoGet` without recording the read. */
export function memoPeek(this: MemoState): unknown {
  const f = this._flags;
  if ((f & (STALE | RUNNING | ERRORED | DETACHED)) === 0) return this._value;
  if ((f & (DIRTY | RUNNING)) === DIRTY) recomputeMemo(this);
  else refreshMemo(this);
  if ((this._flags & ERRORED) !== 0) throw this._value;
  return this._value;
}

/** The owner a new signal must take its slot from, if a slotted render is running. */
export function slotOwner(): OwnerNode | undefined {
  const owner = resolveOwner();
  return owner !== undefined && (owner._flags & SLOTTING) !== 0 ? owner : undefined;
}

/** Run a memo's function; bumps its version only if the value changed. Never throws for `fn` errors. */
function recomputeMemo(m: MemoState): void {
  if (m._owned !== undefined) disposeOwned(m);
  const f = m._flags;
  const prevSub = activeSub;
  activeSub = m;
  if ((f & DETACHED) !== 0) m._checkedAt = writeCounter;
  m._depsTail = undefined;
  m._flags = ((f ^ EPOCH) & ~STALE) | RUNNING;
  const old = m._value;
  let value: unknown;
  try {
    value = m._fn((f & ERRORED) === 0 ? old : undefined);
  } catch (err) {
    activeSub = prevSub;
    settleMemo(m, err, true);
    return;
  }
  activeSub = prevSub;
  const g = m._flags & ~RUNNING;
  m._flags = g;
  purgeStale(m);
  if ((g & (DISPOSED | ERRORED | UNSET)) !== 0 || m._opts !== undefined) {
    settleMemo(m, value, false);
    return;
  }
  // Object.is, inlined: this is the hottest comparison in the graph.
  if (old === value ? old !== 0 || 1 / (old as number) === 1 / (value as number) : old !== old && value !== value) return;
  m._value = value;
  m._version = (m._version + 1) | 0;
}

/** The less common endings of a recomputation: errors, first value, custom equality, disposal. */
function settleMemo(m: MemoState, value: unknown, failed: boolean): void {
  let f = m._flags;
  if (failed) {
    f &= ~RUNNING;
    m._flags = f;
    purgeStale(m);
  }
  if ((f & DISPOSED) !== 0) {
    unlinkAll(m);
    return;
  }
  if (failed) {
    m._flags = (f | ERRORED) & ~UNSET;
  } else if ((f & (ERRORED | UNSET)) !== 0) {
    m._flags = f & ~(ERRORED | UNSET);
  } else {
    const eq = m._opts!.equals;
    if (eq === undefined ? Object.is(m._value, value) : eq !== false && eq(m._value, value)) return;
  }
  m._value = value;
  m._version = (m._version + 1) | 0;
}

export function disposeMemo(m: MemoState): void {
  if ((m._flags & DISPOSED) !== 0) return;
  m._flags = (m._flags & ~STALE) | DISPOSED;
  unlinkAll(m);
  m._flags &= ~DETACHED;
  if (m._owned !== undefined) {
    batchDepth++;
    try {
      disposeOwned(m);
    } finally {
      if (--batchDepth === 0) flush();
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Writes, batches, the effect queue

/** Write a signal: equality check, version bump, flag push, and a flush unless batched. */
let renderWriteHook: ((signal: string, owner: OwnerNode) => void) | undefined;

/** Dev checks: called when a signal is written while a component renders (renders must be pure). @internal */
export function setRenderWriteHook(hook: ((signal: string, owner: OwnerNode) => void) | undefined): void {
  renderWriteHook = hook;
}

export function writeSignal(s: SignalState, value: unknown): void {
  const running = activeSub;
  if (running !== undefined && (running._flags & MEMO) !== 0) throw new MemoWriteError(nodeName(s), nodeName(running));
  const old = s._value;
  const opts = s._opts;
  if (opts === undefined || opts.equals === undefined ? Object.is(old, value) : opts.equals !== false && opts.equals(old, value)) return;
  if (renderWriteHook !== undefined) {
    const o = slotOwner();
    if (o !== undefined) renderWriteHook(nodeName(s), o);
  }
  s._value = value;
  s._version = (s._version + 1) | 0;
  writeCounter = (writeCounter + 1) | 0;
  const subs = s._subs;
  if (subs !== undefined) {
    propagate(subs);
    if (batchDepth === 0) flush();
  }
}

/**
 * Run `fn` with effects deferred until the outermost batch ends; returns `fn`'s value. Effects are
 * flushed even if `fn` throws.
 */
export function batch<T>(fn: () => T): T {
  batchDepth++;
  try {
    return fn();
  } finally {
    if (--batchDepth === 0) flush();
  }
}

/** Run `fn` without recording its reads in the current computation (the current owner is kept). */
export function untrack<T>(fn: () => T): T {
  const prevSub = activeSub;
  if (prevSub === undefined) return fn();
  const prevOwner = currentOwner;
  const prevSetBy = ownerSetBy;
  currentOwner = resolveOwner();
  ownerSetBy = undefined;
  activeSub = undefined;
  try {
    return fn();
  } finally {
    activeSub = prevSub;
    currentOwner = prevOwner;
    ownerSetBy = prevSetBy;
  }
}

/**
 * Make `owner` current while `fn` runs (what `fn` creates belongs to it). Tracking is unchanged, so a
 * render wrapped in `reaction.track(() => runWithOwner(owner, render))` still records its reads.
 * A slotted render (see `Owner.beginSlots`) ends when the outermost `runWithOwner` for that owner returns.
 */
export function runWithOwner<T>(owner: OwnerNode | undefined, fn: () => T): T {
  const prev = resolveOwner();
  const prevOwner = currentOwner;
  const prevSetBy = ownerSetBy;
  currentOwner = owner;
  ownerSetBy = activeSub;
  if (owner === undefined || prev === owner || (owner._flags & SLOTTING) === 0) {
    try {
      return fn();
    } finally {
      currentOwner = prevOwner;
      ownerSetBy = prevSetBy;
    }
  }
  let ok = false;
  try {
    const result = fn();
    ok = true;
    return result;
  } finally {
    currentOwner = prevOwner;
    ownerSetBy = prevSetBy;
    endSlottedHook(owner, ok);
  }
}

let endSlottedHook: (owner: OwnerNode, ok: boolean) => void = () => {};

/** Lets the owner module finish a slotted render without an import cycle. */
export function setEndSlottedHook(fn: (owner: OwnerNode, ok: boolean) => void): void {
  endSlottedHook = fn;
}

/** The current owner (an `Owner`, or the effect/memo that is running), if any. */
export function getOwner(): OwnerNode | undefined {
  return resolveOwner();
}

/** Deferred-effect depth helpers for modules that must not flush mid-operation. */
export function startBatch(): void {
  batchDepth++;
}

export function endBatch(): void {
  if (--batchDepth === 0) flush();
}

export function isBatching(): boolean {
  return batchDepth > 0;
}

function flush(): void {
  if (queueHead === queueTail) return;
  batchDepth++;
  flushCounter = (flushCounter + 1) & 0x7fffff;
  try {
    while (queueHead < queueTail) {
      const sub = queue[queueHead]!;
      queue[queueHead++] = undefined;
      runQueued(sub);
    }
    queueHead = queueTail = 0;
  } finally {
    if (queueHead !== 0) {
      // Only reached if something below threw unexpectedly: keep what is left for the next flush.
      queue.copyWithin(0, queueHead, queueTail);
      queueTail -= queueHead;
      queueHead = 0;
    }
    batchDepth--;
  }
}

function runQueued(sub: SubscriberNode): void {
  const f = (sub._flags &= ~QUEUED);
  if ((f & DISPOSED) !== 0) return;
  if ((f & DIRTY) === 0) {
    if ((f & PENDING) === 0) return;
    if (!checkDeps(sub)) {
      sub._flags &= ~PENDING;
      return;
    }
    if ((sub._flags & DISPOSED) !== 0) return;
  }
  if ((f & REACTION) !== 0) notifyStale(sub as ReactionState);
  else runEffect(sub as EffectState);
}

// ---------------------------------------------------------------------------------------------------
// Effects

/** First run of a new effect: now, or at the end of the current batch/flush. */
export function startEffect(e: EffectState): void {
  if (held !== undefined) {
    held.push(e);
    return;
  }
  if (batchDepth > 0) {
    e._flags |= DIRTY | QUEUED;
    queue[queueTail++] = e;
    return;
  }
  batchDepth++;
  try {
    executeEffect(e);
  } finally {
    if (--batchDepth === 0) flush();
  }
}

/** Effects created inside `holdEffects`, waiting for their first run. */
let held: EffectState[] | undefined;

/**
 * Run `fn` without starting the effects it creates (a prerender that may never be shown must have no
 * side effects). Returns them, to be started with {@link startHeld} or dropped by disposing their owner.
 * @internal
 */
export function holdEffects(fn: () => void): EffectState[] {
  const prev = held;
  const mine: EffectState[] = (held = []);
  try {
    fn();
  } finally {
    held = prev;
  }
  return mine;
}

/** Give held effects their first run, in creation order; those disposed since are skipped. @internal */
export function startHeld(effects: readonly EffectState[]): void {
  for (const e of effects) if ((e._flags & DISPOSED) === 0) startEffect(e);
}

/**
 * Move an owner under another parent (a prerendered subtree adopted into the live tree): it is no longer
 * disposed with its old parent. Returns false (and disposes it) when the new parent is already disposed.
 * @internal
 */
export function reparentOwner(node: OwnerNode & { _owner: OwnerNode | undefined }, to: OwnerNode): boolean {
  const list = node._owner?._owned;
  if (list !== undefined) {
    const i = list.indexOf(node);
    if (i >= 0) list.splice(i, 1);
  }
  node._owner = undefined;
  if (adopt(to, node)) {
    node._owner = to;
    return true;
  }
  node.dispose();
  return false;
}

function runEffect(e: EffectState): void {
  if (e._loop >>> 8 !== flushCounter) e._loop = flushCounter << 8;
  if ((++e._loop & 0xff) > MAX_RERUNS) {
    const sources = changedSourceNames(e);
    e._flags &= ~STALE;
    reportReactiveError(new ReactiveLoopError(nodeName(e), sources, MAX_RERUNS), 'loop', e.name);
    return;
  }
  executeEffect(e);
}

function executeEffect(e: EffectState): void {
  // Undo the previous run newest-first: its returned cleanup, then what it registered/created.
  const cleanup = e._cleanup;
  if (cleanup !== undefined) {
    e._cleanup = undefined;
    runCleanup(cleanup, e.name);
  }
  if (e._owned !== undefined) disposeOwned(e);
  if ((e._flags & DISPOSED) !== 0) return;
  const prevSub = activeSub;
  activeSub = e;
  e._depsTail = undefined;
  e._flags = ((e._flags ^ EPOCH) & ~STALE) | RUNNING;
  try {
    const result = e._fn();
    if (typeof result === 'function') e._cleanup = result as () => void;
  } catch (err) {
    reportReactiveError(err, 'effect', nodeName(e));
  } finally {
    activeSub = prevSub;
    e._flags &= ~RUNNING;
    purgeStale(e);
    if ((e._flags & DISPOSED) !== 0) finishEffectDisposal(e);
  }
}

export function disposeEffect(e: EffectState): void {
  const f = e._flags;
  if ((f & DISPOSED) !== 0) return;
  e._flags = f | DISPOSED;
  unlinkAll(e);
  if ((f & RUNNING) !== 0) return; // the run in progress finishes the disposal
  batchDepth++;
  try {
    finishEffectDisposal(e);
  } finally {
    if (--batchDepth === 0) flush();
  }
}

function finishEffectDisposal(e: EffectState): void {
  unlinkAll(e);
  const cleanup = e._cleanup;
  if (cleanup !== undefined) {
    e._cleanup = undefined;
    runCleanup(cleanup, e.name);
  }
  if (e._owned !== undefined) disposeOwned(e);
}

function changedSourceNames(sub: SubscriberNode): string[] {
  const names: string[] = [];
  for (let l = sub._deps; l !== undefined; l = l.nextDep) {
    const dep = l.dep;
    if (l.version !== dep._version || (dep._flags & STALE) !== 0) {
      const n = nodeName(dep);
      if (!names.includes(n)) names.push(n);
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------
// Reactions

/** Run `fn` as the reaction's tracked computation, replacing its previous dependencies. */
export function trackReaction<T>(r: ReactionState, fn: () => T): T {
  const f = r._flags;
  if ((f & DISPOSED) !== 0) return untrack(fn);
  if ((f & RUNNING) !== 0) throw new Error(`reaction${r.name ? ` "${r.name}"` : ''}: track() is not re-entrant`);
  const prevSub = activeSub;
  const prevOwner = currentOwner;
  const prevSetBy = ownerSetBy;
  // Tracking switches to the reaction; ownership stays with whoever owned the caller.
  currentOwner = resolveOwner();
  ownerSetBy = r;
  activeSub = r;
  r._depsTail = undefined;
  r._flags = ((f ^ EPOCH) & ~STALE) | RUNNING;
  batchDepth++;
  try {
    return fn();
  } finally {
    activeSub = prevSub;
    currentOwner = prevOwner;
    ownerSetBy = prevSetBy;
    r._flags &= ~RUNNING;
    purgeStale(r);
    if ((r._flags & DISPOSED) !== 0) unlinkAll(r);
    if (--batchDepth === 0) flush();
  }
}

/** A reaction's dependency changed: tell it once; it stays stale (unsubscribed in effect) until track(). */
function notifyStale(r: ReactionState): void {
  r._flags = (r._flags & ~PENDING) | DIRTY;
  const prevSub = activeSub;
  const prevOwner = currentOwner;
  const prevSetBy = ownerSetBy;
  activeSub = undefined;
  currentOwner = undefined;
  ownerSetBy = undefined;
  try {
    r._onStale();
  } catch (err) {
    reportReactiveError(err, 'reaction', r.name);
  } finally {
    activeSub = prevSub;
    currentOwner = prevOwner;
    ownerSetBy = prevSetBy;
  }
}

export function disposeReaction(r: ReactionState): void {
  if ((r._flags & DISPOSED) !== 0) return;
  r._flags = (r._flags & ~STALE) | DISPOSED;
  unlinkAll(r);
}

// ---------------------------------------------------------------------------------------------------
// Ownership

/** Attach a child to an owner. Returns false (and does not attach) if the owner is already disposed. */
export function adopt(owner: OwnerNode, child: OwnedItem): boolean {
  const f = owner._flags;
  if ((f & DISPOSED) !== 0) return false;
  const list = owner._owned;
  if (list === undefined) owner._owned = [child];
  else {
    list.push(child);
    // Effects and memos clear their list on every run; a long-lived Owner compacts it now and then.
    if ((f & (MEMO | EFFECT)) === 0 && list.length >= (owner as ScopeNode)._compactAt) compactOwned(owner as ScopeNode, list);
  }
  return true;
}

function compactOwned(owner: ScopeNode, list: OwnedItem[]): void {
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (typeof item === 'function' || (item._flags & DISPOSED) === 0) list[n++] = item;
  }
  list.length = n;
  owner._compactAt = Math.max(32, n * 2);
}

/** Dispose an owner's children and run its cleanups, newest first. */
export function disposeOwned(owner: OwnerNode): void {
  const list = owner._owned;
  if (list === undefined) return;
  owner._owned = undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i]!;
    if (typeof item === 'function') runCleanup(item, owner.name);
    else if ((item._flags & DISPOSED) === 0) {
      try {
        item.dispose();
      } catch (err) {
        reportReactiveError(err, 'cleanup', owner.name);
      }
    }
  }
}

/** Run a cleanup untracked; errors are reported, not thrown. */
export function runCleanup(fn: () => void, name: string | undefined): void {
  const prevSub = activeSub;
  activeSub = undefined;
  try {
    fn();
  } catch (err) {
    reportReactiveError(err, 'cleanup', name);
  } finally {
    activeSub = prevSub;
  }
}

/** Register `fn` to run when the current owner (an `Owner`, or the running effect/memo) is disposed or re-runs. */
export function onCleanup(fn: () => void): void {
  const owner = resolveOwner();
  if (owner === undefined) return;
  if (!adopt(owner, fn)) runCleanup(fn, owner.name);
}

// ---------------------------------------------------------------------------------------------------
// Names

/** A human-readable name for messages: the node's `name`, else its function's name, else its kind. */
export function nodeName(node: { _flags: number; name: string | undefined }): string {
  if (node.name !== undefined) return node.name;
  const f = node._flags;
  const fn = (f & (MEMO | EFFECT)) !== 0 ? (node as unknown as { _fn: { name: string } })._fn : undefined;
  if (fn !== undefined && fn.name !== '') return fn.name;
  return (f & MEMO) !== 0 ? 'unnamed memo' : (f & EFFECT) !== 0 ? 'unnamed effect' : (f & REACTION) !== 0 ? 'unnamed reaction' : 'unnamed signal';
}
