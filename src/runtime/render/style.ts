/**
 * A faster `styleToString` (attrs.ts) for the renderer: the per-property decisions (kebab-case name, `px`
 * suffix for numbers) are cached per key instead of recomputed with a regex on every element. They are
 * learned from `styleToString` itself, so the two cannot disagree.
 */
import { styleToString } from '../vdom/attrs.ts';

interface StyleKey {
  /** `name:` */
  readonly head: string;
  /** `;name:` */
  readonly next: string;
  readonly px: boolean;
}

const cache = new Map<string, StyleKey>();
const CACHE_LIMIT = 4096;

function styleKey(k: string): StyleKey {
  let e = cache.get(k);
  if (e === undefined) {
    const probe = styleToString({ [k]: 1 });
    const name = probe.slice(0, probe.lastIndexOf(':'));
    e = { head: name + ':', next: ';' + name + ':', px: probe.endsWith('px') };
    if (cache.size < CACHE_LIMIT) cache.set(k, e);
  }
  return e;
}

/** Same result as `styleToString(style)`. */
export function styleString(style: Record<string, unknown>): string {
  let out = '';
  for (const k in style) {
    const v = style[k];
    if (v === null || v === undefined || v === false || v === '') continue;
    const e = styleKey(k);
    const val = typeof v === 'number' ? (v !== 0 && e.px ? v + 'px' : '' + v) : String(v);
    out = out === '' ? e.head + val : out + e.next + val;
  }
  return out;
}
