/**
 * Owners: the lifetime scopes of effects, memos, reactions, child owners and cleanups, plus the
 * component "slots" (hooks by call order) that keep a component's signals/memos/effects stable
 * across renders.
 */
import {
  Flag,
  adopt,
  resolveOwner,
  disposeOwned,
  endBatch,
  runWithOwner,
  setEndSlottedHook,
  startBatch,
  type OwnedItem,
  type OwnerNode,
} from './graph.ts';
import { SlotMismatchError } from './errors.ts';
import type { Effect } from './effect.ts';
import type { Memo } from './memo.ts';
import type { Signal } from './signal.ts';

export type SlotKind = 'signal' | 'memo' | 'effect';

/** One hook slot of a component owner. */
export interface SlotInfo {
  readonly index: number;
  readonly kind: SlotKind;
  readonly node: Signal<unknown> | Memo<unknown> | Effect;
}

/** Anything that can be the current owner. */
export type ReactiveOwner = Owner | Effect | Memo<unknown>;

/** What a slot holds (the graph node itself). */
interface SlotNode {
  _flags: number;
}

/**
 * A disposal scope. Effects, memos, reactions and owners created while it is current (see
 * {@link runWithOwner}) belong to it; `dispose()` disposes them and runs `onCleanup` callbacks, newest first.
 */
export class Owner implements OwnerNode {
  /** @internal */ declare _flags: number;
  /** @internal */ declare _owner: OwnerNode | undefined;
  /** @internal */ declare _owned: OwnedItem[] | undefined;
  /** @internal */ declare _compactAt: number;
  /** @internal */ declare _slots: SlotNode[] | undefined;
  /** @internal */ declare _cursor: number;
  /** @internal */ declare _seeds: unknown[] | undefined;
  /** @internal Signal slots offered back to the next render after a hot reset. */ declare _reuse: SlotNode[] | undefined;
  declare name: string | undefined;

  /** Prefer {@link createOwner}. `parent` undefined makes a root. */
  constructor(parent?: OwnerNode, name?: string) {
    this._flags = 0;
    this._owner = undefined;
    this._owned = undefined;
    this._compactAt = 32;
    this._slots = undefined;
    this._cursor = 0;
    this._seeds = undefined;
    this._reuse = undefined;
    this.name = name;
    if (parent !== undefined) {
      if (adopt(parent, this)) this._owner = parent;
      else this._flags = Flag.DISPOSED;
    }
  }

  get disposed(): boolean {
    return (this._flags & Flag.DISPOSED) !== 0;
  }

  /** The owner this one belongs to (undefined for roots and once disposed). */
  get parent(): ReactiveOwner | undefined {
    return (this._flags & Flag.DISPOSED) !== 0 ? undefined : (this._owner as ReactiveOwner | undefined);
  }

  /** `runWithOwner(this, fn)`. */
  run<T>(fn: () => T): T {
    return runWithOwner(this, fn);
  }

  /** Dispose everything created under this owner (newest first) and detach from the parent. Idempotent. */
  dispose(): void {
    const f = this._flags;
    if ((f & Flag.DISPOSED) !== 0) return;
    this._flags = (f | Flag.DISPOSED) & ~Flag.SLOTTING;
    startBatch();
    try {
      disposeOwned(this);
    } finally {
      endBatch();
    }
  }

  /**
   * Start a component render: until the outermost `runWithOwner(this, ...)` returns (or `endSlots()`),
   * `signal()`, `memo()` and `effect()` called while this owner is current resolve to slots by call
   * order. The first complete render fixes the layout; later renders must call the same hooks in the
   * same order (a mismatch throws {@link SlotMismatchError}).
   */
  beginSlots(): void {
    if ((this._flags & Flag.DISPOSED) !== 0) return;
    this._cursor = 0;
    this._flags |= Flag.SLOTTING;
  }

  /** End a slotted render explicitly (only needed when the render did not go through `runWithOwner`). */
  endSlots(): void {
    finishSlots(this, true);
  }

  /** The slots in call order, with their kind, for state serialization and hot-reload layout checks. */
  slotList(): SlotInfo[] {
    const slots = this._slots;
    if (slots === undefined) return [];
    return slots.map((node, index) => ({ index, kind: slotKind(node), node: node as unknown as SlotInfo['node'] }));
  }

  /** The slot kinds in call order (the component's "signal layout"). */
  slotLayout(): SlotKind[] {
    return (this._slots ?? []).map(slotKind);
  }

  /** Current values of the signal slots, by slot index (`undefined` at memo/effect slots). */
  slotValues(): unknown[] {
    return (this._slots ?? []).map((node) => (slotKind(node) === 'signal' ? (node as unknown as Signal<unknown>).peek() : undefined));
  }

  /**
   * Hot reload: forget the slot layout so the next render creates its memos and effects afresh (with
   * the new code; the old ones are disposed, running their cleanups). With `keepSignals`, a signal the
   * next render asks for at the same position as before is the same signal object (same value, same
   * subscribers); otherwise every slot starts over. Returns the layout before the reset, for the
   * caller to compare with the layout the next render produces.
   */
  hotReset(keepSignals: boolean): SlotKind[] {
    // After a render that threw, the signals it did not reach are still waiting in `_reuse`.
    const old = this._slots ?? [];
    const pending = this._reuse ?? [];
    const layout: SlotKind[] = [];
    const reuse: SlotNode[] = [];
    for (let i = 0; i < Math.max(old.length, pending.length); i++) {
      const node = old[i] ?? pending[i];
      if (node === undefined) continue;
      const kind = (layout[i] = slotKind(node));
      if (kind === 'signal') {
        if (keepSignals) reuse[i] = node;
      } else if (old[i] !== undefined) (node as unknown as { dispose(): void }).dispose();
    }
    this._slots = undefined;
    this._seeds = undefined;
    this._reuse = keepSignals && reuse.length > 0 ? reuse : undefined;
    this._cursor = 0;
    this._flags &= ~Flag.SEALED;
    return layout;
  }

  /**
   * Pre-seed signal slot values by index (e.g. from `slotValues()` of a previous instance). Existing
   * signal slots are written now; slots not created yet take the value instead of their initial value.
   * Holes and non-signal slots are skipped.
   */
  restoreSlots(values: ReadonlyArray<unknown>): void {
    const slots = this._slots;
    for (let i = 0; i < values.length; i++) {
      if (!(i in values)) continue;
      if (slots !== undefined && i < slots.length) {
        const node = slots[i]!;
        if (slotKind(node) === 'signal') (node as unknown as Signal<unknown>).set(values[i]);
      } else {
        (this._seeds ??= [])[i] = values[i];
      }
    }
  }
}

/**
 * Create an owner. `parent` defaults to the current owner; pass `null` for a detached root that only
 * `dispose()` ends.
 */
export function createOwner(parent?: ReactiveOwner | null, name?: string): Owner {
  const p = parent === undefined ? resolveOwner() : parent === null ? undefined : (parent as unknown as OwnerNode);
  return new Owner(p, name);
}

function slotKind(node: SlotNode): SlotKind {
  const f = node._flags;
  return (f & Flag.MEMO) !== 0 ? 'memo' : (f & Flag.EFFECT) !== 0 ? 'effect' : 'signal';
}

function ownerLabel(owner: Owner): string {
  return owner.name === undefined ? 'component' : `component "${owner.name}"`;
}

/**
 * Advance the slot cursor. Returns the existing node for this slot, or undefined when the caller must
 * create it (and then `storeSlot` it). Throws when the hook order changed.
 * @internal
 */
export function claimSlot(owner: Owner, kind: SlotKind): SlotNode | undefined {
  const index = owner._cursor++;
  const slots = owner._slots;
  if (slots !== undefined && index < slots.length) {
    const existing = slots[index]!;
    const was = slotKind(existing);
    if (was !== kind) {
      throw new SlotMismatchError(
        `Hook order changed in ${ownerLabel(owner)}: slot #${index} was created by ${was}() in an earlier render, ` +
          `but this render called ${kind}() at that position. Call signal()/memo()/effect() unconditionally and in ` +
          'the same order on every render (not inside if/loops/early returns).',
      );
    }
    return existing;
  }
  const reuse = owner._reuse;
  if (reuse !== undefined && kind === 'signal' && reuse[index] !== undefined) {
    const node = reuse[index]!;
    storeSlot(owner, node);
    return node;
  }
  if ((owner._flags & Flag.SEALED) !== 0) {
    throw new SlotMismatchError(
      `Hook order changed in ${ownerLabel(owner)}: this render called ${kind}() as slot #${index}, but earlier renders ` +
        `only used ${slots?.length ?? 0} slot(s). Call signal()/memo()/effect() unconditionally and in the same order on every render.`,
    );
  }
  return undefined;
}

/** @internal */
export function storeSlot(owner: Owner, node: SlotNode): void {
  (owner._slots ??= []).push(node);
}

/** The restored value for a new signal slot, if one was seeded. @internal */
export function takeSeed(owner: Owner, index: number, initial: unknown): unknown {
  const seeds = owner._seeds;
  if (seeds === undefined || !(index in seeds)) return initial;
  const v = seeds[index];
  delete seeds[index];
  return v;
}

function finishSlots(owner: Owner, ok: boolean): void {
  const f = owner._flags;
  if ((f & Flag.SLOTTING) === 0) return;
  owner._flags = f & ~Flag.SLOTTING;
  if (!ok) return;
  owner._reuse = undefined;
  const used = owner._cursor;
  const had = owner._slots?.length ?? 0;
  if ((f & Flag.SEALED) !== 0 && used !== had) {
    throw new SlotMismatchError(
      `Hook order changed in ${ownerLabel(owner)}: this render used ${used} slot(s) but earlier renders used ${had}. ` +
        'Call signal()/memo()/effect() unconditionally and in the same order on every render (not inside if/loops/early returns).',
    );
  }
  owner._flags |= Flag.SEALED;
}

setEndSlottedHook((owner, ok) => {
  if (owner instanceof Owner) finishSlots(owner, ok);
});
