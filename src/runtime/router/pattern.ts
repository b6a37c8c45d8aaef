/**
 * Route patterns: the URL shape of a route as a string (`/projects/:id`) and as segments.
 *
 * Syntax, one `/`-separated segment at a time:
 *   `about`   static text (matched against the percent-decoded path segment)
 *   `:id`     a param: exactly one non-empty segment
 *   `:lang?`  an optional param: zero or one segment
 *   `:slug+`  a catch-all: one or more segments (last only)
 *   `:slug*`  an optional catch-all: zero or more segments (last only)
 */
import { RouteError, RouteRule } from './errors.ts';

export type Segment =
  | { readonly kind: 'static'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string; readonly optional: boolean }
  | { readonly kind: 'catch-all'; readonly name: string; readonly optional: boolean };

/** How a param appears in a route: `one` (`:id`), `optional` (`:id?`), `many` (`:slug+`), `optional-many` (`:slug*`). */
export type ParamKind = 'one' | 'optional' | 'many' | 'optional-many';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Names that would reach Object.prototype when used as a key of the params object. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `name` can name a param (an identifier that is safe as an object key). */
export function isParamName(name: string): boolean {
  return IDENT.test(name) && !FORBIDDEN_NAMES.has(name);
}

const cache = new Map<string, readonly Segment[]>();

/** Parse a pattern string; throws a RouteError (naming `file`, default the pattern) when it is malformed. */
export function parsePattern(pattern: string, file: string = pattern): readonly Segment[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const bad = (rule: RouteRule, msg: string): never => {
    throw new RouteError(file, rule, msg);
  };
  if (!pattern.startsWith('/')) bad(RouteRule.BadPattern, `pattern ${JSON.stringify(pattern)} must start with '/'`);
  const segs: Segment[] = [];
  if (pattern !== '/') {
    const seen = new Set<string>();
    const parts = pattern.slice(1).split('/');
    const catchAlls = parts.filter((p) => p.startsWith(':') && (p.endsWith('+') || p.endsWith('*'))).length;
    if (catchAlls > 1) bad(RouteRule.MultipleCatchAll, `${JSON.stringify(pattern)} has ${catchAlls} catch-alls; a route can have one`);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === '') bad(RouteRule.BadPattern, `pattern ${JSON.stringify(pattern)} has an empty segment (no '//' and no trailing '/')`);
      if (!part.startsWith(':')) {
        segs.push({ kind: 'static', value: part });
        continue;
      }
      const last = part[part.length - 1];
      const mod = last === '?' || last === '+' || last === '*' ? last : '';
      const name = part.slice(1, part.length - mod.length);
      if (name === '') bad(RouteRule.EmptyParam, `a param in ${JSON.stringify(pattern)} has no name`);
      if (!isParamName(name)) bad(RouteRule.BadParamName, `param name ${JSON.stringify(name)} in ${JSON.stringify(pattern)} is not an identifier (or is reserved)`);
      if (seen.has(name)) bad(RouteRule.DuplicateParam, `param :${name} appears twice in ${JSON.stringify(pattern)}`);
      seen.add(name);
      if (mod === '+' || mod === '*') {
        if (i !== parts.length - 1) bad(RouteRule.CatchAllNotLast, `catch-all :${name}${mod} must be the last segment of ${JSON.stringify(pattern)}`);
        segs.push({ kind: 'catch-all', name, optional: mod === '*' });
      } else {
        segs.push({ kind: 'param', name, optional: mod === '?' });
      }
    }
  }
  const frozen = Object.freeze(segs);
  cache.set(pattern, frozen);
  return frozen;
}

/** The pattern string of `segs` (inverse of parsePattern). */
export function formatPattern(segs: readonly Segment[]): string {
  if (segs.length === 0) return '/';
  let out = '';
  for (const s of segs) {
    if (s.kind === 'static') out += `/${s.value}`;
    else if (s.kind === 'param') out += `/:${s.name}${s.optional ? '?' : ''}`;
    else out += `/:${s.name}${s.optional ? '*' : '+'}`;
  }
  return out;
}

/** Each param of `segs` with its kind, in pattern order. */
export function paramKinds(segs: readonly Segment[]): Record<string, ParamKind> {
  const out: Record<string, ParamKind> = {};
  for (const s of segs) {
    if (s.kind === 'param') out[s.name] = s.optional ? 'optional' : 'one';
    else if (s.kind === 'catch-all') out[s.name] = s.optional ? 'optional-many' : 'many';
  }
  return out;
}

/**
 * The concrete shapes a pattern matches: every optional segment present or absent. The result has
 * no optional segment left; the shape without optional segments comes first.
 */
export function expandPattern(segs: readonly Segment[]): Segment[][] {
  let out: Segment[][] = [[]];
  for (const s of segs) {
    if (s.kind !== 'static' && s.optional) {
      const req: Segment = { ...s, optional: false };
      out = out.flatMap((v) => [v, [...v, req]]);
    } else {
      for (const v of out) v.push(s);
    }
  }
  return out;
}

/**
 * A key equal for two expanded shapes exactly when they match the same paths: param names do not
 * matter (`/a/:id` and `/a/:slug` collide).
 */
export function shapeKey(variant: readonly Segment[]): string {
  let out = '';
  for (const s of variant) out += s.kind === 'static' ? `/=${s.value}` : s.kind === 'param' ? '/:' : '/*';
  return out || '/';
}
