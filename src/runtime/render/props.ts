/**
 * Per-prop-name decisions of the serializer, computed once per name on top of `attrName` (attrs.ts) and
 * cached: whether the prop is an attribute, an event handler, the hook declaration or nothing, and how
 * the attribute is written.
 */
import { attrName, eventName, isEventProp } from '../vdom/attrs.ts';
import { URL_ATTRIBUTES } from './url.ts';

export const PropKind = {
  /** Not rendered (framework props, refused or invalid names). */
  Skip: 0,
  Attr: 1,
  Event: 2,
  Hook: 3,
} as const;

export interface PropInfo {
  readonly kind: number;
  /** The attribute name (aliases applied: `className` → `class`); for an event prop, the event name. */
  readonly name: string;
  /** ` name="` */
  readonly prefix: string;
  /** ` name` (an empty value is written without `=""`). */
  readonly bare: string;
  /** `" name="`: `prefix` after a value whose closing quote is still to be written. */
  readonly qprefix: string;
  /** `" name` */
  readonly qbare: string;
  /** A URL attribute: script URLs are blocked. */
  readonly url: boolean;
  /** `class`: an empty class is absent (as `attrValue` decides). */
  readonly cls: boolean;
  /** `style`: objects are serialized with the cached style writer. */
  readonly style: boolean;
  /** `value`: on a textarea it is the content, not an attribute. */
  readonly value: boolean;
}

/** Attributes the framework writes itself; a user prop spelled like one (in any case) is dropped. */
const FRAMEWORK_ATTRS = new Set(['data-hid', 'data-on', 'data-hook', 'data-hook-config']);

/**
 * Attribute names that survive the HTML parser and `setAttribute` unchanged (an XML-name subset). Anything
 * else (spaces, quotes, `=`, `>`, `/`...) could inject attributes or markup, so such props are dropped.
 */
export function isValidAttrName(name: string): boolean {
  return /^[A-Za-z_:][A-Za-z0-9_:.-]*$/.test(name);
}

const SKIP: PropInfo = { kind: PropKind.Skip, name: '', prefix: '', bare: '', qprefix: '', qbare: '', url: false, cls: false, style: false, value: false };
const HOOK: PropInfo = { ...SKIP, kind: PropKind.Hook };

function compute(prop: string): PropInfo {
  if (prop === 'hook') return HOOK;
  if (isEventProp(prop)) return { ...SKIP, kind: PropKind.Event, name: eventName(prop) };
  const name = attrName(prop);
  if (name === null || !isValidAttrName(name)) return SKIP;
  const lower = name.toLowerCase();
  if (FRAMEWORK_ATTRS.has(lower)) return SKIP;
  return {
    kind: PropKind.Attr,
    name,
    prefix: ` ${name}="`,
    bare: ` ${name}`,
    qprefix: `" ${name}="`,
    qbare: `" ${name}`,
    url: URL_ATTRIBUTES.has(lower),
    cls: name === 'class',
    style: name === 'style',
    value: prop === 'value',
  };
}

const cache = new Map<string, PropInfo>();
// Prop names are nearly always literals; the cap only guards against props spread from data.
const CACHE_LIMIT = 4096;

/** The cached decision for a prop name. */
export function propInfo(prop: string): PropInfo {
  let p = cache.get(prop);
  if (p === undefined) {
    p = compute(prop);
    if (cache.size < CACHE_LIMIT) cache.set(prop, p);
  }
  return p;
}
