/**
 * `vango/test`: component tests without a browser. A view mounts a component in a real root, renders
 * it with the real SSR, and drives it through the same handler dispatch and flush a live session uses,
 * so a test exercises production code.
 *
 * ```ts
 * const view = mount(h(Counter, null));
 * await view.click('+');
 * expect(view.html()).toContain('Count: 1');
 * ```
 */
import { formData } from '../runtime/app/payload.ts';
import { renderMounted } from '../runtime/render/serialize.ts';
import { eventName, isEventProp } from '../runtime/vdom/attrs.ts';
import type { Patch } from '../runtime/vdom/patch.ts';
import { Root } from '../runtime/vdom/root.ts';
import { Kind, type Child, type VElement, type VNode } from '../runtime/vdom/vnode.ts';

/** Picks an element: by its text content (substring), or by a predicate over the element. */
export type Target = string | ((el: VElement) => boolean);

export interface View {
  /** The HTML the server would send for the current state. */
  html(): string;
  /** The text content of the whole view. */
  text(): string;
  /** The patches the last interaction produced (to assert that an update is minimal). */
  patches(): Patch[];
  /** Run the `click` handler of the interactive element matching `target`. */
  click(target: Target): Promise<void>;
  /** Run the `input` handler of the element matching `target` with `value`. */
  type(target: Target, value: string): Promise<void>;
  /** Run the `submit` handler of the form matching `target` with these fields. */
  submit(target: Target, fields: Record<string, string | string[]>): Promise<void>;
  /** Run any declared handler with a payload. */
  fire(target: Target, event: string, payload?: Record<string, unknown>): Promise<void>;
  /** The underlying root (hids, interactive elements). */
  readonly root: Root;
  unmount(): void;
}

function textOf(v: VNode): string {
  switch (v.kind) {
    case Kind.Text:
      return v.text;
    case Kind.Element:
    case Kind.Fragment:
      return v.children.map(textOf).join('');
    case Kind.Component:
      return v.instance ? textOf(v.instance.out) : '';
    default:
      return '';
  }
}

function declares(el: VElement, event: string): boolean {
  for (const p in el.props) if (isEventProp(p) && eventName(p) === event) return true;
  return false;
}

/** Mount a component tree for testing. Render errors during updates are thrown from the interaction. */
export function mount(node: Child): View {
  const errors: unknown[] = [];
  const root = new Root({ onRenderError: (e) => errors.push(e) });
  root.mount(node);
  let last: Patch[] = [];

  const find = (target: Target, event: string): VElement => {
    const candidates = [...root.interactive.values()].filter((el) => declares(el, event));
    const hit = candidates.find(typeof target === 'string' ? (el) => textOf(el).includes(target) || el.props.name === target || el.props.id === target : target);
    if (!hit) {
      const names = candidates.map((el) => `<${el.tag}>${textOf(el).slice(0, 30)}`).join(', ') || 'none';
      throw new Error(`No element with a ${event} handler matches ${typeof target === 'string' ? JSON.stringify(target) : 'the predicate'}. Elements with ${event} handlers: ${names}.\nCurrent HTML:\n${renderMounted(root.top!)}`);
    }
    return hit;
  };

  const fire = async (target: Target, event: string, payload: Record<string, unknown> = {}): Promise<void> => {
    const el = find(target, event);
    const { result } = root.dispatch(el.hid!, event, { type: event, hid: el.hid, ...payload });
    if (result instanceof Promise) await result;
    await Promise.resolve();
    last = root.flush();
    if (errors.length > 0) throw errors.splice(0)[0];
  };

  return {
    root,
    html: () => renderMounted(root.top!),
    text: () => textOf(root.top!),
    patches: () => last,
    click: (t) => fire(t, 'click', { clientX: 0, clientY: 0, button: 0, buttons: 0, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false }),
    type: (t, value) => fire(t, 'input', { value }),
    submit: (t, fields) => {
      const list: Array<[string, string]> = Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
      return fire(t, 'submit', { fields: list, data: formData(list) });
    },
    fire,
    unmount: () => root.dispose(),
  };
}
