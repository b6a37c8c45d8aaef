/**
 * A live root: one mounted component tree, the hids it handed out, the elements events may address,
 * and the set of dirty components. A session owns one root; `flush()` re-renders only what is dirty
 * and returns the patches that bring the client's DOM up to date.
 */
import { batch, createOwner, type Owner } from '../reactive/index.ts';
import { eventName, handlerOf, isEventProp } from './attrs.ts';
import type { ComponentInstance } from './component.ts';
import type { Adoptable, ReconcileContext } from './context.ts';
import { rerender } from './diff.ts';
import { normalizeOutput } from './h.ts';
import { mount, unmount } from './mount.ts';
import type { Patch } from './patch.ts';
import { syncFieldState } from './form-state.ts';
import { firstDom, needsHid } from './wire.ts';
import { Kind, type Child, type Component, type VElement, type VNode, type VParent } from './vnode.ts';

export interface RootOptions {
  /** Called when a component has become dirty (the session schedules a flush). */
  onDirty?: () => void;
  /** A component threw while re-rendering; it keeps its previous output. Default: rethrown after the flush. */
  onRenderError?: (error: unknown, instance: ComponentInstance) => void;
  /** Parent owner (for app-wide cleanup). */
  owner?: Owner;
}

/** How many passes a flush may take when renders keep dirtying components (a render loop). */
const MAX_FLUSH_PASSES = 100;

export class Root implements ReconcileContext {
  nextHid = 1;
  patches: Patch[] = [];
  readonly interactive = new Map<number, VElement>();
  readonly owner: Owner;
  /** The mounted top node (undefined before `mount`). */
  top: VNode | undefined;
  prepared: Adoptable | undefined;
  private dirty: ComponentInstance[] = [];
  private readonly opts: RootOptions;
  private errors: unknown[] = [];

  constructor(opts: RootOptions = {}) {
    this.opts = opts;
    this.owner = createOwner(opts.owner);
  }

  /** Mount the initial tree. Hids start at 1 in document order; errors propagate (the page fails to render). */
  mount(node: Child): VNode {
    if (this.top) unmount(this.top, this);
    this.top = mount(normalizeOutput(node), undefined, this);
    this.dirty = this.dirty.filter((i) => i.alive && i.dirty);
    return this.top;
  }

  markDirty(instance: ComponentInstance): void {
    const first = this.dirty.length === 0;
    this.dirty.push(instance);
    if (first) this.opts.onDirty?.();
  }

  /** Whether a flush has work to do. */
  get pending(): boolean {
    return this.dirty.length > 0;
  }

  renderError(error: unknown, instance: ComponentInstance): void {
    if (this.collecting) this.collecting.push(error);
    else if (this.opts.onRenderError) this.opts.onRenderError(error, instance);
    else this.errors.push(error);
  }

  private collecting: unknown[] | undefined;

  /**
   * Flush, handing render errors to the caller instead of reporting them (a live navigation shows the
   * error page when the new page throws). Components that threw keep their previous output.
   */
  flushCollecting(): { patches: Patch[]; errors: unknown[] } {
    const prev = this.collecting;
    const errors: unknown[] = [];
    this.collecting = errors;
    try {
      return { patches: this.flush(), errors };
    } finally {
      this.collecting = prev;
    }
  }

  /** Re-render dirty components (parents before children) and return the resulting patches. */
  flush(): Patch[] {
    this.patches = [];
    this.updating = true;
    try {
      this.flushPasses();
    } finally {
      this.updating = false;
    }
    const out = this.patches;
    this.patches = [];
    if (this.errors.length > 0) {
      const err = this.errors[0];
      this.errors = [];
      throw err;
    }
    return out;
  }

  /** See ReconcileContext.updating. */
  updating = false;

  private flushPasses(): void {
    for (let pass = 0; this.dirty.length > 0; pass++) {
      if (pass === MAX_FLUSH_PASSES) {
        const names = [...new Set(this.dirty.map((i) => i.name))].join(', ');
        this.dirty = [];
        throw new Error(`Render loop: components kept re-rendering (${names}). A render or effect writes a signal that the render reads; move the write into an event handler or guard it.`);
      }
      const queue = this.dirty.sort((a, b) => a.depth - b.depth);
      this.dirty = [];
      for (const inst of queue) {
        if (!inst.alive || !inst.dirty) continue;
        const v = inst.vnode;
        rerender(inst, parentElementHid(v), nextDomAfter(v), this);
      }
    }
  }

  /**
   * Run the handler an interactive element declared for `event`, inside a batch. Returns false when
   * the hid or the event is unknown (a client can only address what the server rendered).
   */
  dispatch(hid: number, event: string, payload: unknown): { found: boolean; result?: unknown } {
    const el = this.interactive.get(hid);
    if (!el) return { found: false };
    syncFieldState(el, event, payload);
    for (const p in el.props) {
      if (!isEventProp(p) || eventName(p) !== event) continue;
      const fn = handlerOf(el.props[p]);
      if (!fn) break;
      return { found: true, result: batch(() => fn(payload)) };
    }
    return { found: false };
  }

  /** The interactive element with this hid, if any. */
  element(hid: number): VElement | undefined {
    return this.interactive.get(hid);
  }

  /**
   * Mark every mounted component dirty, so the next flush re-renders the whole tree (for data that
   * changed outside signals, e.g. after a form posted without JavaScript wrote to a database).
   */
  invalidateAll(): void {
    const visit = (v: VNode): void => {
      if (v.kind === Kind.Component) {
        const inst = v.instance as ComponentInstance | undefined;
        if (!inst) return;
        if (!inst.dirty) {
          inst.dirty = true;
          this.dirty.push(inst);
        }
        visit(inst.out);
      } else if (v.kind === Kind.Element || v.kind === Kind.Fragment) for (const c of v.children) visit(c);
    };
    if (this.top) visit(this.top);
  }

  /**
   * Hot reload: switch every mounted component whose function has a newer version (`latest`) to it,
   * then mark the whole tree dirty so the next flush renders everything with the current code.
   * Returns how many instances were switched.
   */
  hotSwap(latest: (type: Component) => Component | undefined): number {
    let swapped = 0;
    const visit = (v: VNode): void => {
      if (v.kind === Kind.Component) {
        const inst = v.instance as ComponentInstance | undefined;
        if (!inst) return;
        const next = latest(v.type);
        if (next !== undefined && next !== v.type) {
          inst.hotReplace(next);
          swapped++;
        }
        visit(inst.out);
      } else if (v.kind === Kind.Element || v.kind === Kind.Fragment) for (const c of v.children) visit(c);
    };
    if (this.top) visit(this.top);
    this.invalidateAll();
    if (this.dirty.length > 0) this.opts.onDirty?.();
    return swapped;
  }

  /**
   * Number the mounted tree afresh in pre-order from 1, as a full resync presents it to the client.
   * Component state is untouched.
   */
  renumber(): void {
    this.interactive.clear();
    this.nextHid = 1;
    if (this.top) this.number(this.top);
  }

  private number(v: VNode): void {
    switch (v.kind) {
      case Kind.Element:
        v.hid = this.nextHid++;
        if (needsHid(v)) this.interactive.set(v.hid, v);
        for (const c of v.children) this.number(c);
        return;
      case Kind.Fragment:
        for (const c of v.children) this.number(c);
        return;
      case Kind.Component:
        if (v.instance) this.number(v.instance.out);
        return;
      default:
        v.hid = this.nextHid++;
    }
  }

  dispose(): void {
    if (this.top) unmount(this.top, this);
    this.top = undefined;
    this.dirty = [];
    this.owner.dispose();
  }
}

/** The hid of the DOM element that holds a vnode's DOM nodes (0 = the root container). */
export function parentElementHid(v: VNode): number {
  let p: VParent | undefined = v.parent;
  while (p !== undefined && p.kind !== Kind.Element) p = p.parent;
  return p ? p.hid! : 0;
}

/** The hid of the DOM node that follows a vnode's DOM nodes in their parent element (0 = none). */
export function nextDomAfter(v: VNode): number {
  for (;;) {
    const p: VParent | undefined = v.parent;
    if (p === undefined) return 0;
    if (p.kind !== Kind.Component) {
      // The siblings after it in its element or fragment (a component that rendered nothing and now
      // renders something goes before the element's next child, not to its end).
      const ch = p.children;
      for (let i = ch.indexOf(v) + 1; i < ch.length; i++) {
        const d = firstDom(ch[i]!);
        if (d !== 0) return d;
      }
      if (p.kind === Kind.Element) return 0;
    }
    v = p;
  }
}
