/**
 * Param coercion: a route's `params` export turns raw path segments into typed values. A value that
 * does not fit means the route does not match (the request ends as a 404, never a 500).
 */
import { RouteError, RouteRule } from './errors.ts';
import type { ParamKind } from './pattern.ts';

/** Parses one raw (decoded) segment; throw or return `undefined` to reject it. */
export type ParamCoercer = (raw: string) => unknown;

/**
 * How one param is coerced:
 * - `'int'`: a base-10 safe integer in canonical form (`0`, `42`, `-7`; not `+1`, `01`, `1.0`, `1e3`, `-0`) → number
 * - `'uuid'`: an RFC 4122/9562 UUID (versions 1-8, or the nil UUID), any case → lowercased string
 * - `'string'`: any non-empty segment (the default)
 * - `{ enum: [...] }`: one of the listed strings
 * - a function: its result, unless it throws or returns `undefined`
 * A catch-all applies the spec to each of its segments.
 */
export type ParamSpec = 'int' | 'uuid' | 'string' | { readonly enum: readonly string[] } | ParamCoercer;

/** A route's `params` export: param name → spec. */
export type ParamsSpec = { readonly [name: string]: ParamSpec };

/**
 * Identity helper that keeps the literal types of a spec (`'int'` stays `'int'`), so the generated
 * `Routes` type knows `id` is a number. `as const` or `satisfies ParamsSpec` work too.
 */
export function defineParams<const S extends ParamsSpec>(spec: S): S {
  return spec;
}

/** Returned by a coercer for a value that does not fit. */
export const REJECT: unique symbol = Symbol('vango.router.reject');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** `'int'`: canonical base-10 safe integers only, so every number has exactly one URL. */
export function parseIntParam(raw: string): number | typeof REJECT {
  const len = raw.length;
  const start = raw.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (len === start || len - start > 16) return REJECT;
  if (raw.charCodeAt(start) === 48 /* 0 */ && (len > start + 1 || start === 1)) return REJECT; // 01, -0
  // A char loop: much faster than a regex test plus Number() on the hot path of every int route.
  let n = 0;
  for (let i = start; i < len; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return REJECT;
    n = n * 10 + c;
  }
  if (n > Number.MAX_SAFE_INTEGER) return REJECT;
  return start === 1 ? -n : n;
}

/** `'uuid'`: versions 1-8 with the RFC variant bits, or the nil UUID; returned lowercased. */
export function parseUuidParam(raw: string): string | typeof REJECT {
  if (raw.length !== 36) return REJECT;
  const lower = raw.toLowerCase();
  return UUID.test(raw) || lower === NIL_UUID ? lower : REJECT;
}

/** One value → its coerced value, or REJECT. */
export type Coerce = (raw: string) => unknown;

function identity(raw: string): string {
  return raw;
}

function compileOne(spec: ParamSpec | undefined, name: string, file: string): Coerce {
  if (spec === undefined || spec === 'string') return identity;
  if (spec === 'int') return parseIntParam;
  if (spec === 'uuid') return parseUuidParam;
  if (typeof spec === 'function') {
    return (raw) => {
      try {
        const v = spec(raw);
        return v === undefined ? REJECT : v;
      } catch {
        return REJECT;
      }
    };
  }
  if (spec !== null && typeof spec === 'object' && Array.isArray((spec as { enum?: unknown }).enum)) {
    const values = (spec as { enum: readonly unknown[] }).enum;
    if (values.length === 0 || !values.every((v) => typeof v === 'string' && v !== '')) {
      throw new RouteError(file, RouteRule.BadParamSpec, `params.${name}: enum must list non-empty strings`);
    }
    const allowed = new Set(values as readonly string[]);
    return (raw) => (allowed.has(raw) ? raw : REJECT);
  }
  throw new RouteError(file, RouteRule.BadParamSpec, `params.${name} must be 'int', 'uuid', 'string', { enum: [...] } or a function (got ${JSON.stringify(spec) ?? typeof spec})`);
}

/** Raw params as captured from the path: a string per param, a string list per catch-all. */
export type RawParams = Record<string, string | string[]>;

/** Turns raw params into coerced ones, or `undefined` when one does not fit. */
export type ParamsCoercer = (raw: RawParams) => Record<string, unknown> | undefined;

/**
 * Compile a route's `params` export against the params its pattern has; throws a RouteError for a
 * spec naming an unknown param or holding an invalid value (at startup, not per request).
 */
export function compileParams(spec: ParamsSpec | undefined, kinds: Record<string, ParamKind>, file: string): ParamsCoercer | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec !== 'object') throw new RouteError(file, RouteRule.BadParamSpec, `the params export must be an object (got ${typeof spec})`);
  for (const name of Object.keys(spec)) {
    if (!(name in kinds)) {
      const known = Object.keys(kinds);
      throw new RouteError(file, RouteRule.UnknownParam, `params.${name}: the route has no param ${JSON.stringify(name)} (it has ${known.length ? known.join(', ') : 'none'})`);
    }
  }
  const names = Object.keys(kinds);
  const coercers: (Coerce | undefined)[] = [];
  let any = false;
  for (const name of names) {
    const coerce = compileOne(spec[name], name, file);
    coercers.push(coerce === identity ? undefined : coerce);
    if (coerce !== identity) any = true;
  }
  if (!any) return undefined;
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (let n = 0; n < names.length; n++) {
      const name = names[n]!;
      const v = raw[name];
      if (v === undefined) continue;
      const coerce = coercers[n];
      if (coerce === undefined) out[name] = v;
      else if (typeof v === 'string') {
        const c = coerce(v);
        if (c === REJECT) return undefined;
        out[name] = c;
      } else {
        const list: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const c = coerce(v[i]!);
          if (c === REJECT) return undefined;
          list[i] = c;
        }
        out[name] = list;
      }
    }
    return out;
  };
}

/**
 * Percent-decode one path segment; `undefined` when it is malformed (`%E0%A4%A`, `%zz`, a lone
 * surrogate), which the router turns into "no match" instead of letting URIError escape.
 */
export function decodeSegment(seg: string): string | undefined {
  if (seg.indexOf('%') === -1) return seg;
  try {
    return decodeURIComponent(seg);
  } catch {
    return undefined;
  }
}
