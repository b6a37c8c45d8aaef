/**
 * Choosing the `_404` / `_error` page for a path no route matched: the one whose folder covers the
 * most of the path.
 */
import { decodeSegment } from './params.ts';
import { expandPattern, type Segment } from './pattern.ts';

/** What the choice looks at: the folder's URL pattern, the file's depth and its table order. */
export interface Ranked {
  readonly prefix: readonly Segment[];
  readonly depth: number;
  readonly order: number;
}

/** Segments for prefix matching: lenient (a malformed escape is compared as written). */
function looseSegments(pathname: string): string[] {
  const out: string[] = [];
  for (const raw of pathname.split('/')) if (raw !== '') out.push(decodeSegment(raw) ?? raw);
  return out;
}

/** How much of `path` the folder pattern covers: [segments consumed, static segments], best shape. */
function cover(prefix: readonly Segment[], path: readonly string[]): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const shape of expandPattern(prefix)) {
    let i = 0;
    let statics = 0;
    let ok = true;
    for (const s of shape) {
      if (s.kind === 'catch-all') {
        if (i >= path.length) ok = false;
        else i = path.length;
        break;
      }
      if (i >= path.length || (s.kind === 'static' && s.value !== path[i])) {
        ok = false;
        break;
      }
      if (s.kind === 'static') statics++;
      i++;
    }
    if (ok && (!best || i > best[0] || (i === best[0] && statics > best[1]))) best = [i, statics];
  }
  return best;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The special page whose folder covers most of the path; ties go to static folders, then the shallower file, then table order. */
export function nearest<T extends Ranked>(pages: readonly T[], pathname: string): T | undefined {
  const path = looseSegments(pathname);
  let best: T | undefined;
  let bestScore: [number, number] = [-1, -1];
  for (const p of pages) {
    const c = cover(p.prefix, path);
    if (!c) continue;
    const better = !best || compare([c[0], c[1], -p.depth, -p.order], [bestScore[0], bestScore[1], -best.depth, -best.order]) > 0;
    if (better) {
      best = p;
      bestScore = c;
    }
  }
  return best;
}
