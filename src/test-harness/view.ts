/**
 * A view: the queries and interactions shared by `mount()` (a component in a bare root) and `visit()`
 * (a page in a real session). The driver decides how an event reaches the handler.
 */
import { renderMounted } from '../runtime/render/serialize.ts';
import { eventName, isEventProp } from '../runtime/vdom/attrs.ts';
import type { Patch } from '../runtime/vdom/patch.ts';
import type { Root } from '../runtime/vdom/root.ts';
import type { VElement, VNode } from '../runtime/vdom/vnode.ts';
import { createQueries, QueryError, type Queries } from './queries.ts';
import { compileSelector, SelectorError } from './selector.ts';
import { readSignal, signalsOf } from './signals.ts';
import { elementsOf, textOf } from './tree.ts';

/**
 * Picks an element: an element from a query, a predicate, or a string matched against the text,
 * `name` and `id` of elements declaring the event, then tried as a CSS selector.
 */
export type Target = string | VElement | ((el: VElement) => boolean);

/** How events reach the app: straight into a root, or over the session's wire protocol. */
export interface Driver {
  root(): Root;
  /** Run one event on `el` and resolve to the patches it produced (errors in app code are thrown). */
  dispatch(el: VElement, event: string, payload: Record<string, unknown>): Promise<Patch[]>;
  /** Let pending work (timers that fired, async results) render; resolves to its patches. */
  settle(): Promise<Patch[]>;
  /** A link without a click handler was clicked: navigate and return the patches, or undefined when the driver cannot. */
  follow?(href: string): Promise<Patch[] | undefined>;
  close(): void;
}

export interface View extends Queries {
  /** The HTML the server would send for the current state. */
  html(): string;
  /** The text content of the whole view. */
  text(): string;
  /** The patches the last interaction produced (to assert that an update is minimal). */
  patches(): Patch[];
  /** Click: runs the element's `click` handler (a link without one is followed by `visit()` views). */
  click(target: Target): Promise<void>;
  /** Type into a field: its `input` handler runs with `value`; the value is kept for `submit()`. */
  type(target: Target, value: string): Promise<void>;
  /**
   * Submit a form: `fields` as given, or else gathered from the form's fields (typed values, `value`
   * props, checked boxes) as a browser would.
   */
  submit(target: Target, fields?: Record<string, string | string[]>): Promise<void>;
  /** Run any declared handler with a payload. */
  fire(target: Target, event: string, payload?: Record<string, unknown>): Promise<void>;
  /** The current value of the signal named `name` (`signal(v, { name })`), or `Component#n`. */
  signal<T = unknown>(name: string): T;
  /** Every mounted signal by label. */
  signals(): Record<string, unknown>;
  /** Wait for pending work (after advancing fake timers, or an async result) to render. */
  settle(): Promise<void>;
  /** The underlying root (hids, interactive elements). */
  readonly root: Root;
  unmount(): void;
}

function declares(el: VElement, event: string): boolean {
  for (const p in el.props) if (isEventProp(p) && eventName(p) === event) return true;
  return false;
}

const FIELD_TAGS = new Set(['input', 'textarea', 'select']);

export function createView(driver: Driver): View {
  let last: Patch[] = [];
  /** Values typed into fields, by hid (hids survive re-renders). */
  const typed = new Map<number, string>();
  const top = (): VNode => {
    const t = driver.root().top;
    if (!t) throw new Error('the view is not mounted');
    return t;
  };
  const queries = createQueries(top);

  const describeMiss = (target: Target, event: string, candidates: VElement[]): QueryError => {
    const names = candidates.map((el) => `<${el.tag}>${textOf(el).slice(0, 30)}`).join(', ') || 'none';
    const what = typeof target === 'string' ? JSON.stringify(target) : typeof target === 'function' ? 'the predicate' : `<${target.tag}>`;
    return new QueryError(`No element with a ${event} handler matches ${what}. Elements with ${event} handlers: ${names}.\nCurrent HTML:\n${renderMounted(top())}`);
  };

  /** The element `target` names, or undefined. `needs` limits the search to elements declaring it. */
  const resolve = (target: Target, needs: string | undefined): VElement | undefined => {
    const { list, parent } = elementsOf(top());
    const ok = (el: VElement) => needs === undefined || declares(el, needs);
    // An element that does not handle the event itself may sit inside one that does (events bubble).
    const handling = (el: VElement | undefined): VElement | undefined => {
      for (let e = el; e; e = parent.get(e)) if (ok(e)) return e;
      return undefined;
    };
    if (typeof target === 'function') return list.find((el) => ok(el) && target(el));
    if (typeof target !== 'string') return handling(list.find((el) => el === target) ?? list.find((el) => el.hid !== undefined && el.hid === target.hid));
    const hits = list.filter((el) => ok(el) && (textOf(el).includes(target) || el.props.name === target || el.props.id === target));
    if (needs !== undefined && hits.length > 0) return hits[0];
    // Without a handler to look for, every ancestor of the text matches too: take the innermost.
    const outer = new Set<VElement>();
    for (const h of hits) for (let p = parent.get(h); p; p = parent.get(p)) outer.add(p);
    const byText = hits.find((h) => !outer.has(h));
    if (byText) return byText;
    let match: ((el: VElement, p: (el: VElement) => VElement | undefined) => boolean) | undefined;
    try {
      match = compileSelector(target);
    } catch (err) {
      if (!(err instanceof SelectorError)) throw err;
    }
    if (!match) return undefined;
    for (const el of list) if (match(el, (e) => parent.get(e))) return handling(el);
    return undefined;
  };

  const find = (target: Target, event: string): VElement => {
    const el = resolve(target, event);
    if (el) return el;
    throw describeMiss(target, event, elementsOf(top()).list.filter((e) => declares(e, event)));
  };

  const fire = async (target: Target, event: string, payload: Record<string, unknown> = {}): Promise<void> => {
    last = await driver.dispatch(find(target, event), event, payload);
  };

  const fieldsOf = (form: VElement): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    for (const el of elementsOf(form).list) {
      if (!FIELD_TAGS.has(el.tag) || typeof el.props.name !== 'string' || el.props.disabled) continue;
      const name = el.props.name;
      const type = typeof el.props.type === 'string' ? el.props.type : 'text';
      if (el.tag === 'input' && (type === 'submit' || type === 'button' || type === 'reset' || type === 'file')) continue;
      if (el.tag === 'input' && (type === 'checkbox' || type === 'radio')) {
        if (el.props.checked) out.push([name, el.props.value === undefined ? 'on' : String(el.props.value)]);
        continue;
      }
      const own = el.hid !== undefined ? typed.get(el.hid) : undefined;
      const value = own ?? (el.props.value !== undefined ? String(el.props.value) : el.tag === 'textarea' ? textOf(el) : el.tag === 'select' ? selectedOf(el) : '');
      out.push([name, value]);
    }
    return out;
  };

  return {
    ...queries,
    get root() {
      return driver.root();
    },
    html: () => renderMounted(top()),
    text: () => textOf(top()),
    patches: () => last,
    async click(target) {
      const el = resolve(target, 'click');
      if (!el && driver.follow) {
        const link = resolve(target, undefined);
        const a = link && closestLink(link, top());
        const patches = a ? await driver.follow(String(a.props.href)) : undefined;
        if (patches) {
          last = patches;
          return;
        }
      }
      if (!el) throw describeMiss(target, 'click', elementsOf(top()).list.filter((e) => declares(e, 'click')));
      last = await driver.dispatch(el, 'click', { clientX: 0, clientY: 0, button: 0, buttons: 0, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false });
    },
    async type(target, value) {
      const el = resolve(target, 'input') ?? resolve(target, undefined);
      if (!el || (!declares(el, 'input') && !FIELD_TAGS.has(el.tag))) throw describeMiss(target, 'input', elementsOf(top()).list.filter((e) => declares(e, 'input')));
      if (el.hid !== undefined) typed.set(el.hid, value);
      last = declares(el, 'input') ? await driver.dispatch(el, 'input', { value }) : [];
    },
    async submit(target, fields) {
      const form = find(target, 'submit');
      const list: Array<[string, string]> = fields
        ? Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]))
        : fieldsOf(form);
      last = await driver.dispatch(form, 'submit', { fields: list });
    },
    fire,
    signal: <T,>(name: string) => readSignal(top(), name) as T,
    signals: () => Object.fromEntries(signalsOf(top()).map((s) => [s.label, s.peek()])),
    async settle() {
      last = await driver.settle();
    },
    unmount: () => driver.close(),
  };
}

function selectedOf(select: VElement): string {
  if (select.props.value !== undefined) return String(select.props.value);
  const options = elementsOf(select).list.filter((e) => e.tag === 'option');
  const chosen = options.find((o) => o.props.selected) ?? options[0];
  return chosen ? String(chosen.props.value ?? textOf(chosen)) : '';
}

/** The `<a href>` at or around `el`. */
function closestLink(el: VElement, top: VNode): VElement | undefined {
  const { parent } = elementsOf(top);
  for (let e: VElement | undefined = el; e; e = parent.get(e)) if (e.tag === 'a' && typeof e.props.href === 'string') return e;
  return undefined;
}

