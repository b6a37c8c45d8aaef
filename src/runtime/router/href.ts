/**
 * Building URLs from patterns: the runtime half of the generated, typed `href()`.
 */
import { parsePattern } from './pattern.ts';

/** A value `href` accepts for a param: strings and numbers (a catch-all takes a list). */
export type HrefValue = string | number | bigint;
export type HrefParams = { readonly [name: string]: HrefValue | readonly HrefValue[] | undefined };

// encodeURIComponent is stricter than a path segment needs: keep the sub-delimiters, ':' and '@' readable.
const KEEP = /%(?:40|3A|24|26|2B|2C|3B|3D)/g;
const KEPT: Record<string, string> = { '%40': '@', '%3A': ':', '%24': '$', '%26': '&', '%2B': '+', '%2C': ',', '%3B': ';', '%3D': '=' };

/** Percent-encode one path segment ('/' and everything outside RFC 3986 `pchar` is encoded). */
export function encodeSegment(s: string): string {
  const e = encodeURIComponent(s);
  return e.indexOf('%') === -1 ? e : e.replace(KEEP, (m) => KEPT[m]!);
}

function valueText(pattern: string, name: string, v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`href(${JSON.stringify(pattern)}): param ${name} is ${v}`);
    s = String(v);
  } else if (typeof v === 'bigint') s = String(v);
  else throw new TypeError(`href(${JSON.stringify(pattern)}): param ${name} must be a string or a number (got ${v === null ? 'null' : typeof v})`);
  if (s === '') throw new TypeError(`href(${JSON.stringify(pattern)}): param ${name} is empty`);
  // URL parsers resolve '.' and '..' (even as %2E) as dot segments, so they cannot be a param's value.
  if (s === '.' || s === '..') throw new TypeError(`href(${JSON.stringify(pattern)}): param ${name} cannot be ${JSON.stringify(s)} (a dot segment)`);
  return encodeSegment(s);
}

/**
 * The path for `pattern` with `params` filled in, each value percent-encoded as one segment (a
 * catch-all's values joined with '/'). Throws on a missing required param or an empty value; absent
 * optional params drop their segment.
 */
export function buildHref(pattern: string, params?: HrefParams): string {
  const segs = parsePattern(pattern);
  let out = '';
  for (const s of segs) {
    if (s.kind === 'static') {
      out += `/${encodeSegment(s.value)}`;
      continue;
    }
    const v = params?.[s.name];
    if (v === undefined || v === null) {
      if (s.optional) continue;
      throw new TypeError(`href(${JSON.stringify(pattern)}): missing param ${s.name}`);
    }
    if (s.kind === 'param') {
      if (Array.isArray(v)) throw new TypeError(`href(${JSON.stringify(pattern)}): param ${s.name} takes one value, not a list`);
      out += `/${valueText(pattern, s.name, v)}`;
      continue;
    }
    const list: readonly unknown[] = Array.isArray(v) ? v : [v];
    if (list.length === 0) {
      if (s.optional) continue;
      throw new TypeError(`href(${JSON.stringify(pattern)}): catch-all ${s.name} needs at least one segment`);
    }
    for (const item of list) out += `/${valueText(pattern, s.name, item)}`;
  }
  return out || '/';
}
