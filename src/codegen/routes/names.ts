/**
 * File and folder names of `app/routes/` → route segments, with the naming rules. Pure functions; the
 * file system walk is in scan.ts.
 */
import { RouteError, RouteRule } from '../../runtime/router/errors.ts';
import { isParamName, type Segment } from '../../runtime/router/pattern.ts';

/** A segment as written in the tree: URL segments plus `(group)` folders, which add none. */
export type NameSegment = Segment | { readonly kind: 'group'; readonly name: string };

/** Special files, by stem. */
export const SPECIAL_STEMS = { _layout: 'layout', _middleware: 'middleware', _error: 'error', _404: 'notFound' } as const;
export type SpecialKind = (typeof SPECIAL_STEMS)[keyof typeof SPECIAL_STEMS];

/** What a directory entry is to the scanner. */
export type FileRole =
  | { readonly role: 'ignored' }
  | { readonly role: 'special'; readonly kind: SpecialKind; readonly stem: string }
  | { readonly role: 'route'; readonly stem: string };

// Characters a static segment may use: unreserved and sub-delimiters of RFC 3986 plus '@' and any
// letter or digit. Not ':' (param syntax), '%' (ambiguous with escapes) or brackets (reserved here).
const STATIC = /^[\p{L}\p{N}._~!$&'+,;=@-]+$/u;

/**
 * Classify a file name. Only `.ts`/`.tsx` files count; `.d.ts`, `*.test.*`, `*.spec.*` and names
 * starting with `.` are ignored; `_layout`, `_middleware`, `_error`, `_404` are special and any other
 * `_name` is private (ignored).
 */
export function classifyFile(name: string): FileRole {
  if (name.startsWith('.')) return { role: 'ignored' };
  const m = /^(.*)\.(tsx|ts)$/.exec(name);
  if (!m || name.endsWith('.d.ts')) return { role: 'ignored' };
  const stem = m[1]!;
  if (/\.(test|spec)$/.test(stem)) return { role: 'ignored' };
  if (stem.startsWith('_')) {
    const kind = (SPECIAL_STEMS as Record<string, SpecialKind>)[stem];
    return kind ? { role: 'special', kind, stem } : { role: 'ignored' };
  }
  return { role: 'route', stem };
}

/** Whether the scanner descends into a folder (`_private` and `.hidden` folders are skipped). */
export function isScannedFolder(name: string): boolean {
  return !name.startsWith('_') && !name.startsWith('.') && name !== 'node_modules';
}

function paramName(name: string, file: string, written: string): string {
  if (name === '') throw new RouteError(file, RouteRule.EmptyParam, `${written} has no param name`);
  if (!isParamName(name)) {
    throw new RouteError(file, RouteRule.BadParamName, `param name ${JSON.stringify(name)} in ${written} must be a JavaScript identifier (letters, digits, _ or $, not starting with a digit; not __proto__, constructor or prototype)`);
  }
  return name;
}

/** `[name]`, `[...name]` or their `[[...]]` forms, from the inside of the brackets. */
function dynamic(inner: string, optional: boolean, file: string, written: string): Segment {
  const dots = /^\.*/.exec(inner)![0].length;
  if (dots === 0) return { kind: 'param', name: paramName(inner, file, written), optional };
  if (dots !== 3) throw new RouteError(file, RouteRule.BadCatchAll, `${written}: a catch-all is written with exactly three dots, [...name]${optional ? ' (optional: [[...name]])' : ''}`);
  return { kind: 'catch-all', name: paramName(inner.slice(3), file, written), optional };
}

/**
 * Parse one file stem or folder name (`file` names the entry in errors). `isFile` forbids groups,
 * which only folders can be.
 */
export function parseName(name: string, file: string, isFile: boolean): NameSegment {
  if (name.includes('[') || name.includes(']')) {
    const opt = /^\[\[([^[\]]*)\]\]$/.exec(name);
    if (opt) return dynamic(opt[1]!, true, file, name);
    const req = /^\[([^[\]]*)\]$/.exec(name);
    if (req) return dynamic(req[1]!, false, file, name);
    if (balanced(name, '[', ']')) {
      throw new RouteError(file, RouteRule.PartialSegment, `${name}: a segment is either static text or one whole [param]; "prefix-[id]" is not supported (use [id] and check the prefix in a params function)`);
    }
    throw new RouteError(file, RouteRule.UnclosedBracket, `${name}: unclosed or unbalanced brackets; write [name], [[name]], [...name] or [[...name]]`);
  }
  if (name.includes('(') || name.includes(')')) {
    const group = /^\(([^()]*)\)$/.exec(name);
    if (!group) {
      if (balanced(name, '(', ')')) throw new RouteError(file, RouteRule.PartialSegment, `${name}: a group folder is the whole name, (name)`);
      throw new RouteError(file, RouteRule.UnclosedBracket, `${name}: unclosed parenthesis; a group folder is written (name)`);
    }
    if (isFile) throw new RouteError(file, RouteRule.GroupFile, `${name}: (group) names are for folders; a file cannot be a group`);
    const inner = group[1]!;
    if (inner === '') throw new RouteError(file, RouteRule.EmptyParam, `${name}: a group needs a name`);
    if (!STATIC.test(inner)) throw new RouteError(file, RouteRule.BadStaticSegment, `${name}: a group name uses letters, digits and - _ . ~ only`);
    return { kind: 'group', name: inner };
  }
  if (name === '.' || name === '..' || !STATIC.test(name)) {
    throw new RouteError(file, RouteRule.BadStaticSegment, `${JSON.stringify(name)} cannot be a URL segment: use letters, digits and - _ . ~ ! $ & ' + , ; = @ (no spaces, '%', ':' or '*')`);
  }
  return { kind: 'static', value: name };
}

/** Whether every `open` is closed by a later `close` and no `close` comes first. */
function balanced(name: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (ch === open) depth++;
    else if (ch === close && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Check the URL segments of one route (groups removed) against the rules that span several names:
 * one catch-all at most, last, and no param name twice.
 */
export function checkRouteSegments(segs: readonly Segment[], file: string): void {
  const catchAlls = segs.filter((s) => s.kind === 'catch-all');
  if (catchAlls.length > 1) throw new RouteError(file, RouteRule.MultipleCatchAll, `has ${catchAlls.length} catch-alls (${catchAlls.map((s) => `[...${s.name}]`).join(', ')}); a route can have one`);
  const at = segs.findIndex((s) => s.kind === 'catch-all');
  if (at !== -1 && at !== segs.length - 1) {
    const s = segs[at] as Extract<Segment, { kind: 'catch-all' }>;
    throw new RouteError(file, RouteRule.CatchAllNotLast, `the catch-all ${s.optional ? `[[...${s.name}]]` : `[...${s.name}]`} must be the last segment; nothing can follow it in the route's path`);
  }
  const seen = new Set<string>();
  for (const s of segs) {
    if (s.kind === 'static') continue;
    if (seen.has(s.name)) throw new RouteError(file, RouteRule.DuplicateParam, `the param name ${JSON.stringify(s.name)} is used twice; rename one`);
    seen.add(s.name);
  }
}
