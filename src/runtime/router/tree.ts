/**
 * The segment tree routes are matched with. One node per path position; each node has static
 * children (a map), one param child and, for routes ending there, an exact leaf and a catch-all leaf.
 * Matching tries static, then param, then catch-all at every position and backtracks, so
 * `/projects/new` beats `/projects/:id` while `/projects/new/edit` can still reach `/projects/:id/edit`.
 * A leaf can refuse a match (its params do not coerce); the search then goes on in precedence order.
 *
 * Optional segments never reach the tree: a route is inserted once per concrete shape (see
 * expandPattern), which keeps the matcher to three simple cases.
 */
import { decodeSegment } from './params.ts';
import type { Segment } from './pattern.ts';

/** What to do with a trailing slash: `never` (`/about/` → 308 `/about`), `always` (the reverse), `ignore` (both match). */
export type TrailingSlash = 'never' | 'always' | 'ignore';

/** A value stored at the end of one concrete shape, with the names of the values it captures, in order. */
export interface Leaf<T> {
  readonly value: T;
  readonly names: readonly string[];
}

/** A capture: one segment for a param, the remaining segments for a catch-all. */
export type Capture = string | string[];

/** Decides whether a leaf matches with its captures; `undefined` means "keep looking". */
export type Accept<T, R> = (leaf: Leaf<T>, captures: readonly Capture[]) => R | undefined;

class Node<T> {
  statics: Map<string, Node<T>> | undefined = undefined;
  param: Node<T> | undefined = undefined;
  end: Leaf<T> | undefined = undefined;
  rest: Leaf<T> | undefined = undefined;
}

export class SegmentTree<T> {
  readonly #root = new Node<T>();

  /**
   * Insert one concrete shape (no optional segment). Returns the leaf already holding that shape, if
   * any (the caller reports the duplicate), otherwise undefined.
   */
  insert(shape: readonly Segment[], value: T): Leaf<T> | undefined {
    let node = this.#root;
    const names: string[] = [];
    for (let i = 0; i < shape.length; i++) {
      const s = shape[i]!;
      if (s.kind === 'static') {
        node.statics ??= new Map();
        let next = node.statics.get(s.value);
        if (!next) node.statics.set(s.value, (next = new Node()));
        node = next;
      } else if (s.kind === 'param') {
        names.push(s.name);
        node = node.param ??= new Node();
      } else {
        names.push(s.name);
        if (node.rest) return node.rest;
        node.rest = { value, names };
        return undefined;
      }
    }
    if (node.end) return node.end;
    node.end = { value, names };
    return undefined;
  }

  /** The first leaf, in precedence order, that matches the decoded `segments` and that `accept` takes. */
  find<R>(segments: readonly string[], accept: Accept<T, R>): R | undefined {
    return walk(this.#root, segments, 0, [], accept);
  }

  /**
   * Match a pathname under a trailing-slash policy. A match on a non-canonical path comes back as
   * `{ redirect }` with the canonical path (query string not included); malformed paths (no leading
   * '/', empty segments, bad percent-encoding) match nothing.
   */
  lookup<R>(pathname: string, policy: TrailingSlash, accept: Accept<T, R>): { found: R; redirect?: string } | undefined {
    const split = splitPath(pathname);
    if (!split) return undefined;
    const found = walk(this.#root, split.segments, 0, [], accept);
    if (found === undefined) return undefined;
    if (split.segments.length === 0 || policy === 'ignore') return { found };
    if (policy === 'never' && split.slash) return { found, redirect: pathname.slice(0, -1) };
    if (policy === 'always' && !split.slash) return { found, redirect: `${pathname}/` };
    return { found };
  }
}

/**
 * Decoded segments of a pathname and whether it ends with a slash. Empty segments (`//`) are refused
 * rather than collapsed: a collapsed `//evil.example/` would redirect off-site.
 */
export function splitPath(pathname: string): { segments: string[]; slash: boolean } | undefined {
  if (pathname.charCodeAt(0) !== 47 /* / */) return undefined;
  const len = pathname.length;
  if (len === 1) return { segments: [], slash: false };
  const slash = pathname.charCodeAt(len - 1) === 47;
  const end = slash ? len - 1 : len;
  // indexOf + slice: String.prototype.split is several times slower on short paths.
  const segments: string[] = [];
  const decode = pathname.indexOf('%') !== -1;
  let at = 1;
  while (at <= end) {
    let next = pathname.indexOf('/', at);
    if (next === -1 || next > end) next = end;
    if (next === at) return undefined;
    const raw = pathname.slice(at, next);
    if (decode) {
      const dec = decodeSegment(raw);
      if (dec === undefined) return undefined;
      segments.push(dec);
    } else segments.push(raw);
    at = next + 1;
  }
  return { segments, slash };
}

function walk<T, R>(node: Node<T>, segs: readonly string[], i: number, caps: Capture[], accept: Accept<T, R>): R | undefined {
  if (i === segs.length) return node.end ? accept(node.end, caps) : undefined;
  const seg = segs[i]!;
  if (node.statics) {
    const next = node.statics.get(seg);
    if (next) {
      const r = walk(next, segs, i + 1, caps, accept);
      if (r !== undefined) return r;
    }
  }
  if (node.param) {
    caps.push(seg);
    const r = walk(node.param, segs, i + 1, caps, accept);
    caps.pop();
    if (r !== undefined) return r;
  }
  if (node.rest) {
    caps.push(segs.slice(i));
    const r = accept(node.rest, caps);
    caps.pop();
    if (r !== undefined) return r;
  }
  return undefined;
}
