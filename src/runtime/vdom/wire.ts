/**
 * Mounted vnode → wire subtree (for Insert/Replace patches), and the DOM-node helpers the diff needs.
 */
import { attrName, attrValue, eventSpec, HID_ATTR, isContentProp, ON_ATTR } from './attrs.ts';
import type { WireElement, WireNode } from './patch.ts';
import { Kind, type VElement, type VNode } from './vnode.ts';

/** Hook declaration prop: `hook={{ name: 'Sortable', config: {...} }}`. */
export interface HookProp {
  name: string;
  config?: unknown;
}

/** Whether an element declares interaction and so carries `data-hid` in the HTML. */
export function needsHid(el: VElement): boolean {
  return eventSpec(el.props) !== '' || isHook(el.props.hook);
}

function isHook(v: unknown): v is HookProp {
  return typeof v === 'object' && v !== null && typeof (v as HookProp).name === 'string';
}

/** Framework attributes for hooks, in render order. */
export function hookAttrs(props: Record<string, unknown>): [string, string][] {
  const hook = props.hook;
  if (!isHook(hook)) return [];
  const out: [string, string][] = [['data-hook', hook.name]];
  if (hook.config !== undefined) out.push(['data-hook-config', JSON.stringify(hook.config)]);
  return out;
}

/** The user attributes of an element as final strings, in prop order. */
export function userAttrs(el: VElement): [string, string][] {
  const out: [string, string][] = [];
  const props = el.props;
  for (const p in props) {
    if (isContentProp(el.tag, p)) continue;
    const name = attrName(p);
    if (name === null) continue;
    const v = attrValue(name, props[p]);
    if (v !== null) out.push([name, v]);
  }
  return out;
}

/** All attributes the element has in the DOM (user attributes, then framework ones). */
export function allAttrs(el: VElement): [string, string][] {
  const out = userAttrs(el);
  const spec = eventSpec(el.props);
  const hooks = hookAttrs(el.props);
  if (spec !== '' || hooks.length > 0) out.push([HID_ATTR, String(el.hid)]);
  if (spec !== '') out.push([ON_ATTR, spec]);
  for (const a of hooks) out.push(a);
  return out;
}

/** Serialize the DOM nodes of a mounted vnode, one wire node per top-level DOM node. */
export function toWire(v: VNode, out: WireNode[] = []): WireNode[] {
  switch (v.kind) {
    case Kind.Element: {
      const children: WireNode[] = [];
      if (v.tag === 'textarea') {
        const value = v.props.value;
        if (value !== undefined && value !== null && value !== '') children.push({ kind: Kind.Text, text: String(value) });
      } else {
        for (const c of v.children) toWire(c, children);
      }
      const el: WireElement = { kind: Kind.Element, tag: v.tag, attrs: allAttrs(v), children };
      out.push(el);
      return out;
    }
    case Kind.Text:
      out.push({ kind: Kind.Text, text: v.text });
      return out;
    case Kind.Raw:
      out.push({ kind: Kind.Raw, html: v.html });
      return out;
    case Kind.Fragment:
      for (const c of v.children) toWire(c, out);
      return out;
    case Kind.Component:
      return v.instance ? toWire(v.instance.out, out) : out;
  }
}

/** The hids of the top-level DOM nodes a mounted vnode spans, in order. */
export function domNodes(v: VNode, out: number[] = []): number[] {
  switch (v.kind) {
    case Kind.Fragment:
      for (const c of v.children) domNodes(c, out);
      return out;
    case Kind.Component:
      return v.instance ? domNodes(v.instance.out, out) : out;
    default:
      out.push(v.hid!);
      return out;
  }
}

/** The hid of the first DOM node a mounted vnode spans, or 0 when it renders nothing. */
export function firstDom(v: VNode): number {
  switch (v.kind) {
    case Kind.Fragment:
      for (const c of v.children) {
        const d = firstDom(c);
        if (d !== 0) return d;
      }
      return 0;
    case Kind.Component:
      return v.instance ? firstDom(v.instance.out) : 0;
    default:
      return v.hid!;
  }
}
