/**
 * Queries over a mounted tree: by text, by role and name, by selector. A failed query throws with the
 * HTML around the closest match, so the failure shows what is there instead.
 */
import { renderMounted } from '../runtime/render/serialize.ts';
import { Kind, type VElement, type VNode } from '../runtime/vdom/vnode.ts';
import { nameOf, roleOf } from './roles.ts';
import { compileSelector, parseSelector } from './selector.ts';
import { elementsOf, textOf } from './tree.ts';

export type TextMatch = string | RegExp;

export interface RoleOptions {
  /** The accessible name: exact (after whitespace trimming) for a string, tested for a RegExp. */
  name?: TextMatch;
}

/** Queries bound to the current tree (re-read on every call: the tree changes with each update). */
export interface Queries {
  query(selector: string): VElement | null;
  queryAll(selector: string): VElement[];
  /** The one element matching `selector`; throws (with the HTML around the closest match) otherwise. */
  get(selector: string): VElement;
  /** The innermost element whose text contains `text` (or matches the RegExp); throws when none. */
  getByText(text: TextMatch): VElement;
  queryByText(text: TextMatch): VElement | null;
  getByRole(role: string, opts?: RoleOptions): VElement;
  queryAllByRole(role: string, opts?: RoleOptions): VElement[];
}

/** The most characters of HTML a failure message shows. */
const MAX_HTML = 2_000;

function clip(html: string, around?: string): string {
  if (html.length <= MAX_HTML) return html;
  const at = around ? html.indexOf(around) : -1;
  const from = at < 0 ? 0 : Math.max(0, at - MAX_HTML / 4);
  return `${from > 0 ? '…' : ''}${html.slice(from, from + MAX_HTML)}…`;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function matches(m: TextMatch, s: string): boolean {
  return typeof m === 'string' ? norm(s).includes(norm(m)) : m.test(s);
}

/** Longest common substring length (for "closest text"): small inputs only, O(n·m). */
function common(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = up;
    }
  }
  return best;
}

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** Queries over whatever `top()` returns now. */
export function createQueries(top: () => VNode): Queries {
  const snapshot = () => {
    const t = top();
    const { list, parent } = elementsOf(t);
    return { t, list, parentOf: (el: VElement) => parent.get(el) };
  };

  /** HTML of the closest match's parent (or of everything), for failure messages. */
  const around = (el: VElement | undefined, parentOf: (el: VElement) => VElement | undefined, t: VNode): string => {
    if (!el) return `Current HTML:\n${clip(renderMounted(t))}`;
    const ctx = parentOf(el) ?? el;
    const own = renderMounted(el);
    return `Closest match:\n  ${clip(own)}\nin:\n${clip(renderMounted(ctx), own)}`;
  };

  const queryAll = (selector: string): VElement[] => {
    const { list, parentOf } = snapshot();
    const match = compileSelector(selector);
    return list.filter((el) => match(el, parentOf));
  };

  const closestBySelector = (selector: string, list: VElement[]): VElement | undefined => {
    const subject = parseSelector(selector)[0]!.parts.at(-1)!;
    let best: VElement | undefined;
    let score = 0;
    for (const el of list) {
      let s = 0;
      if (subject.tag && el.tag === subject.tag) s++;
      if (subject.id !== undefined && el.props.id === subject.id) s += 2;
      const cls = String(el.props.class ?? el.props.className ?? '').split(/\s+/);
      for (const c of subject.classes) if (cls.includes(c)) s++;
      for (const a of subject.attrs) if (el.props[a.name] !== undefined) s++;
      if (s > score) [best, score] = [el, s];
    }
    return best;
  };

  const innermostByText = (list: VElement[], m: TextMatch): VElement | undefined => {
    // Document order puts ancestors first; the last element whose text matches and none of whose
    // element children matches is the innermost.
    const hits = list.filter((el) => matches(m, textOf(el)));
    return hits.find((el) => !hits.some((h) => h !== el && isInside(h, el)));
  };

  const queryByText = (text: TextMatch): VElement | null => {
    const { list } = snapshot();
    return innermostByText(list, text) ?? null;
  };

  const describeRoles = (list: VElement[]): string => {
    const seen = list.map((el) => [roleOf(el), el] as const).filter(([r]) => r !== undefined);
    return seen.map(([r, el]) => `${r} ${JSON.stringify(nameOf(el, labelsFor(list)))}`).slice(0, 30).join(', ') || 'none';
  };

  const queryAllByRole = (role: string, opts: RoleOptions = {}): VElement[] => {
    const { list } = snapshot();
    const labels = labelsFor(list);
    return list.filter((el) => {
      if (roleOf(el) !== role) return false;
      if (opts.name === undefined) return true;
      const name = nameOf(el, labels);
      return typeof opts.name === 'string' ? norm(name) === norm(opts.name) : opts.name.test(name);
    });
  };

  return {
    queryAll,
    query: (selector) => queryAll(selector)[0] ?? null,
    get(selector) {
      const found = queryAll(selector);
      if (found.length === 1) return found[0]!;
      const { t, list, parentOf } = snapshot();
      if (found.length > 1) throw new QueryError(`${found.length} elements match ${JSON.stringify(selector)}; expected one.\n${around(found[0], parentOf, t)}`);
      throw new QueryError(`No element matches ${JSON.stringify(selector)}.\n${around(closestBySelector(selector, list), parentOf, t)}`);
    },
    queryByText,
    getByText(text) {
      const hit = queryByText(text);
      if (hit) return hit;
      const { t, list, parentOf } = snapshot();
      let best: VElement | undefined;
      let score = 0;
      const want = typeof text === 'string' ? norm(text) : text.source;
      for (const el of list) {
        // Only an element's own text (not its descendants') counts, so the closest is specific.
        const own = norm(el.children.filter((c) => c.kind === Kind.Text).map(textOf).join(' '));
        const s = own ? common(own.toLowerCase(), want.toLowerCase()) : 0;
        if (s > score) [best, score] = [el, s];
      }
      throw new QueryError(`No element has the text ${typeof text === 'string' ? JSON.stringify(text) : String(text)}.\n${around(score >= 2 ? best : undefined, parentOf, t)}`);
    },
    queryAllByRole,
    getByRole(role, opts = {}) {
      const found = queryAllByRole(role, opts);
      if (found.length === 1) return found[0]!;
      const { t, list, parentOf } = snapshot();
      const what = `role ${JSON.stringify(role)}${opts.name !== undefined ? ` and name ${typeof opts.name === 'string' ? JSON.stringify(opts.name) : String(opts.name)}` : ''}`;
      if (found.length > 1) throw new QueryError(`${found.length} elements have ${what}; expected one (add { name }).\n${around(found[0], parentOf, t)}`);
      const sameRole = list.find((el) => roleOf(el) === role);
      throw new QueryError(`No element has ${what}. Roles present: ${describeRoles(list)}.\n${around(sameRole, parentOf, t)}`);
    },
  };
}

function isInside(inner: VElement, outer: VElement): boolean {
  for (const c of outer.children) {
    if (c === inner) return true;
    if (c.kind === Kind.Element && isInside(inner, c)) return true;
    if (c.kind === Kind.Component && c.instance) {
      const out = c.instance.out;
      if (out === inner || (out.kind === Kind.Element && isInside(inner, out)) || (out.kind !== Kind.Element && containsIn(out, inner))) return true;
    }
    if (c.kind === Kind.Fragment && containsIn(c, inner)) return true;
  }
  return false;
}

function containsIn(v: VNode, inner: VElement): boolean {
  if (v === inner) return true;
  if (v.kind === Kind.Element) return isInside(inner, v);
  if (v.kind === Kind.Fragment) return v.children.some((c) => containsIn(c, inner));
  if (v.kind === Kind.Component && v.instance) return containsIn(v.instance.out, inner);
  return false;
}

/** `<label for=id>` texts by id, and wrapping labels, as a lookup for accessible names. */
function labelsFor(list: VElement[]): (el: VElement) => string | undefined {
  const byFor = new Map<string, string>();
  const labels = list.filter((el) => el.tag === 'label');
  for (const l of labels) if (typeof l.props.for === 'string' || typeof l.props.htmlFor === 'string') byFor.set(String(l.props.for ?? l.props.htmlFor), norm(textOf(l)));
  return (el) => {
    if (el.tag !== 'input' && el.tag !== 'textarea' && el.tag !== 'select') return undefined;
    const id = el.props.id;
    if (typeof id === 'string' && byFor.has(id)) return byFor.get(id) || undefined;
    const wrap = labels.find((l) => isInside(el, l));
    return wrap ? norm(textOf(wrap)) || undefined : undefined;
  };
}
