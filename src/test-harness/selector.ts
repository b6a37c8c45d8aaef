/**
 * A small CSS selector matcher over vnodes: `tag`, `#id`, `.class`, `[attr]`, `[attr=value]`
 * (quoted or not), compounds of those (`button.primary[type=submit]`), the descendant combinator
 * (space), the child combinator (`>`) and lists (`a, b`).
 */
import type { VElement } from '../runtime/vdom/vnode.ts';

interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
  attrs: Array<{ name: string; value?: string }>;
}

/** Right to left: the last compound is the subject; each earlier one is reached by its combinator. */
interface Complex {
  parts: Compound[];
  /** combinators[i] joins parts[i] and parts[i + 1]. */
  combinators: Array<' ' | '>'>;
}

export class SelectorError extends Error {
  constructor(selector: string, why: string) {
    super(`bad selector ${JSON.stringify(selector)}: ${why}`);
    this.name = 'SelectorError';
  }
}

const IDENT = /^-?[_a-zA-Z][-_a-zA-Z0-9]*/;

function parseCompound(src: string, sel: string): Compound {
  const c: Compound = { classes: [], attrs: [] };
  let s = src;
  const tag = /^(\*|[a-zA-Z][-a-zA-Z0-9]*)/.exec(s);
  if (tag) {
    if (tag[1] !== '*') c.tag = tag[1]!.toLowerCase();
    s = s.slice(tag[0].length);
  }
  while (s.length > 0) {
    if (s[0] === '#' || s[0] === '.') {
      const m = IDENT.exec(s.slice(1));
      if (!m) throw new SelectorError(sel, `expected a name after ${s[0]}`);
      if (s[0] === '#') c.id = m[0];
      else c.classes.push(m[0]);
      s = s.slice(1 + m[0].length);
    } else if (s[0] === '[') {
      const m = /^\[\s*([-_a-zA-Z0-9:]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\s*\]/.exec(s);
      if (!m) throw new SelectorError(sel, 'malformed [attribute]');
      c.attrs.push({ name: m[1]!, value: m[2] ?? m[3] ?? m[4] });
      s = s.slice(m[0].length);
    } else {
      throw new SelectorError(sel, `unsupported syntax at ${JSON.stringify(s)}`);
    }
  }
  return c;
}

/** Parse a selector list. */
export function parseSelector(selector: string): Complex[] {
  return selector.split(',').map((one) => {
    const tokens = one.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/).filter(Boolean);
    if (tokens.length === 0) throw new SelectorError(selector, 'empty');
    const parts: Compound[] = [];
    const combinators: Array<' ' | '>'> = [];
    let pending: ' ' | '>' | undefined;
    for (const t of tokens) {
      if (t === '>') {
        if (parts.length === 0 || pending === '>') throw new SelectorError(selector, 'misplaced >');
        pending = '>';
        continue;
      }
      if (parts.length > 0) combinators.push(pending ?? ' ');
      pending = undefined;
      parts.push(parseCompound(t, selector));
    }
    if (pending) throw new SelectorError(selector, 'ends with >');
    return { parts, combinators };
  });
}

function classList(el: VElement): string[] {
  const c = el.props.class ?? el.props.className;
  if (typeof c === 'string') return c.split(/\s+/).filter(Boolean);
  if (Array.isArray(c)) return c.filter((x): x is string => typeof x === 'string');
  if (c && typeof c === 'object') return Object.entries(c as Record<string, unknown>).filter(([, on]) => on).map(([k]) => k);
  return [];
}

function attr(el: VElement, name: string): string | undefined {
  const v = el.props[name] ?? (name === 'class' ? el.props.className : name === 'for' ? el.props.htmlFor : undefined);
  if (v === undefined || v === null || v === false || typeof v === 'function') return undefined;
  if (name === 'class') return classList(el).join(' ');
  return v === true ? '' : String(v);
}

function matchCompound(el: VElement, c: Compound): boolean {
  if (c.tag && el.tag.toLowerCase() !== c.tag) return false;
  if (c.id !== undefined && attr(el, 'id') !== c.id) return false;
  if (c.classes.length > 0) {
    const have = classList(el);
    if (!c.classes.every((x) => have.includes(x))) return false;
  }
  for (const a of c.attrs) {
    const v = attr(el, a.name);
    if (v === undefined || (a.value !== undefined && v !== a.value)) return false;
  }
  return true;
}

function matchComplex(el: VElement, sel: Complex, parentOf: (el: VElement) => VElement | undefined): boolean {
  const at = (i: number, node: VElement): boolean => {
    if (!matchCompound(node, sel.parts[i]!)) return false;
    if (i === 0) return true;
    const comb = sel.combinators[i - 1]!;
    for (let p = parentOf(node); p; p = parentOf(p)) {
      if (at(i - 1, p)) return true;
      if (comb === '>') return false;
    }
    return false;
  };
  return at(sel.parts.length - 1, el);
}

/** A matcher for `selector` (parsed once). */
export function compileSelector(selector: string): (el: VElement, parentOf: (el: VElement) => VElement | undefined) => boolean {
  const list = parseSelector(selector);
  return (el, parentOf) => list.some((s) => matchComplex(el, s, parentOf));
}

