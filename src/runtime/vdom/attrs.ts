import { BLOCKED_URL, isScriptUrl, URL_ATTRIBUTES } from './url.ts';

/**
 * Props → DOM attributes. Shared by SSR and the diff so that a patched DOM and a freshly rendered one
 * carry the same attribute strings.
 */

/** Attributes the framework owns; user props with these names are ignored. */
export const HID_ATTR = 'data-hid';
export const ON_ATTR = 'data-on';

/** Props that never become attributes. */
const SKIP = new Set(['key', 'children', 'ref', 'hook']);

/** Props that are live DOM properties: the diff updates them with SetProp (attribute and property). */
export const LIVE_PROPS = new Set(['value', 'checked', 'selected', 'indeterminate']);

/** CSS properties whose numeric values take no unit. */
const UNITLESS = new Set([
  'opacity', 'z-index', 'flex', 'flex-grow', 'flex-shrink', 'font-weight', 'line-height', 'order', 'zoom',
  'orphans', 'widows', 'tab-size', 'column-count', 'fill-opacity', 'stroke-opacity', 'aspect-ratio',
]);

/** `optimistic={{ class: '+busy', text: 'Saving…' }}` is declared to the client as JSON data. */
const ALIAS: Record<string, string> = { className: 'class', htmlFor: 'for', optimistic: 'data-optimistic' };

/** An event handler prop value: a function, or a function with declared modifiers. */
export interface HandlerSpec<E = unknown> {
  handler: (event: E) => unknown;
  /** Call `preventDefault()` in the browser. */
  prevent?: boolean;
  /** Call `stopPropagation()` in the browser. */
  stop?: boolean;
  /** Send only the first occurrence. */
  once?: boolean;
  /** Only when the event target is the element itself. */
  self?: boolean;
  /** Send after the events stop for this many ms. */
  debounce?: number;
  /** Send at most once per this many ms. */
  throttle?: number;
  /** Keyboard events: only these `KeyboardEvent.key` values. */
  key?: string | string[];
}

/** True for `onClick`-style props. */
export function isEventProp(name: string): boolean {
  return name.length > 2 && name.charCodeAt(0) === 111 /* o */ && name.charCodeAt(1) === 110 /* n */ &&
    name.charCodeAt(2) >= 65 && name.charCodeAt(2) <= 90;
}

const EVENT_ALIAS: Record<string, string> = { doubleclick: 'dblclick' };

/** `onDoubleClick` → `dblclick`, `onKeyDown` → `keydown`. */
export function eventName(prop: string): string {
  const n = prop.slice(2).toLowerCase();
  return EVENT_ALIAS[n] ?? n;
}

/** The handler function of an event prop value, or undefined when it is not callable. */
export function handlerOf(value: unknown): ((e: any) => unknown) | undefined {
  if (typeof value === 'function') return value as (e: any) => unknown;
  if (value && typeof value === 'object' && typeof (value as HandlerSpec).handler === 'function') {
    return (value as HandlerSpec).handler;
  }
  return undefined;
}

function eventToken(prop: string, value: unknown): string {
  let t = eventName(prop);
  if (typeof value !== 'object' || value === null) return t;
  const s = value as HandlerSpec;
  if (s.prevent) t += '.prevent';
  if (s.stop) t += '.stop';
  if (s.once) t += '.once';
  if (s.self) t += '.self';
  if (s.debounce !== undefined) t += `.debounce-${Math.max(0, Math.floor(s.debounce))}`;
  if (s.throttle !== undefined) t += `.throttle-${Math.max(0, Math.floor(s.throttle))}`;
  if (s.key !== undefined) {
    // '.' separates modifiers, so it is escaped too.
    for (const k of Array.isArray(s.key) ? s.key : [s.key]) t += `.key-${encodeURIComponent(k).replace(/\./g, '%2E')}`;
  }
  return t;
}

/**
 * The `data-on` value declaring which events the element sends to the server, or '' when none.
 * Tokens are `event[.modifier]*`, space separated, in prop order.
 */
export function eventSpec(props: Record<string, unknown>): string {
  let spec = '';
  for (const name in props) {
    if (!isEventProp(name)) continue;
    const v = props[name];
    if (handlerOf(v) === undefined) continue;
    spec = spec ? `${spec} ${eventToken(name, v)}` : eventToken(name, v);
  }
  return spec;
}

function kebab(s: string): string {
  if (s.startsWith('--')) return s;
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `{ fontSize: 12, color: 'red' }` → `font-size:12px;color:red`. */
export function styleToString(style: Record<string, unknown>): string {
  let out = '';
  for (const k in style) {
    const v = style[k];
    if (v === null || v === undefined || v === false || v === '') continue;
    const name = kebab(k);
    const val = typeof v === 'number' && v !== 0 && !UNITLESS.has(name) && !name.startsWith('--') ? `${v}px` : String(v);
    out = out ? `${out};${name}:${val}` : `${name}:${val}`;
  }
  return out;
}

/** `'a'`, `['a', cond && 'b']`, `{ a: true, b: false }` → `'a b'`. */
export function classToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value) {
      const s = v ? classToString(v) : '';
      if (s) out = out ? `${out} ${s}` : s;
    }
    return out;
  }
  if (value && typeof value === 'object') {
    let out = '';
    for (const k in value as Record<string, unknown>) {
      if ((value as Record<string, unknown>)[k]) out = out ? `${out} ${k}` : k;
    }
    return out;
  }
  return value === null || value === undefined || value === false ? '' : String(value);
}

/**
 * The attribute name for a prop, or null when the prop never becomes an attribute
 * (framework props, event handlers, framework-owned attribute names, inline `on*` script).
 */
export function attrName(prop: string): string | null {
  if (SKIP.has(prop)) return null;
  const n = ALIAS[prop] ?? prop;
  // Inline script handlers are refused: interaction is declared as data, never as code.
  if (n.length > 2 && (n.charCodeAt(0) | 32) === 111 && (n.charCodeAt(1) | 32) === 110) return null;
  // Names that could inject markup or other attributes, and the framework's own attributes, are dropped.
  if (!VALID_NAME.test(n) || FRAMEWORK_ATTRS.has(n.toLowerCase())) return null;
  return n;
}

/** Attribute names that survive the HTML parser and `setAttribute` unchanged (an XML-name subset). */
const VALID_NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;

/** Attributes the framework writes itself; user props spelled like one (in any case) are dropped. */
const FRAMEWORK_ATTRS = new Set([HID_ATTR, ON_ATTR, 'data-hook', 'data-hook-config']);

/**
 * The attribute string for a prop value, or null when the attribute is absent.
 * Booleans: `true` → '' (present), `false` → absent, except `aria-*`/`data-*` which spell them out.
 */
export function attrValue(name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') {
    if (name.startsWith('aria-') || name.startsWith('data-')) return value ? 'true' : 'false';
    return value ? '' : null;
  }
  if (name === 'class') return classToString(value) || null;
  if (name === 'style' && typeof value === 'object') return styleToString(value as Record<string, unknown>) || null;
  if (typeof value === 'function' || typeof value === 'symbol') return null;
  if (typeof value === 'object') return JSON.stringify(value);
  const s = String(value);
  // A script URL needs no markup to run, so escaping cannot stop it: it is blocked outright.
  return URL_ATTRIBUTES.has(name.toLowerCase()) && isScriptUrl(s) ? BLOCKED_URL : s;
}

/** Whether a prop is rendered as the element's content rather than as an attribute. */
export function isContentProp(tag: string, prop: string): boolean {
  return prop === 'value' && tag === 'textarea';
}
