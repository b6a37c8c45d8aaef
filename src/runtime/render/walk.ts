/**
 * The serializer core shared by the string, mounted and streaming renderers.
 *
 * Two modes over the same code path, so their output cannot drift apart:
 * - fresh: component functions are called as they are reached, and hids are counted in pre-order the
 *   way the reconciler's mount assigns them (elements, texts and raw blocks take one each, from 1);
 * - mounted: the tree is already mounted; hids and component outputs are read from it.
 *
 * Output rules that keep the client's DOM walk (client/nodes.ts) in step with the server's numbering:
 * - two text vnodes that would touch in the HTML (across a fragment or component boundary) get an empty
 *   comment `<!---->` between them, since the parser would otherwise merge them into one DOM node;
 * - a void element's children and a textarea's content are not DOM nodes the client numbers, so they
 *   take no hid;
 * - `<script>`/`<style>` content is one DOM text node, each text vnode inside still takes one hid.
 *
 * State is module-level (rendering is synchronous and V8 keeps such slots fast); entry points save and
 * restore it so renders may nest, and a stream swaps its own state in for each slice it renders. The
 * output itself is passed along and returned by the emission functions (only a stream's slice keeps
 * it in `out`).
 */
import { attrValue, eventSpec, handlerOf } from '../vdom/attrs.ts';
import { normalizeOutput } from '../vdom/h.ts';
import { EMPTY_PROPS, Kind, type Child, type Component, type Props, type VComponent, type VElement, type VNode } from '../vdom/vnode.ts';
import { TagFlag, tagInfo, type TagInfo } from './elements.ts';
import { escapeAttr, escapeAttrSingle, escapeRawText, escapeText } from './escape.ts';
import { swapHead, type HeadCollector } from './head.ts';
import { PropKind, propInfo, type PropInfo } from './props.ts';
import { styleString } from './style.ts';
import { BLOCKED_URL, isScriptUrl } from './url.ts';

/** Calls a component function for the fresh renderers (a seam for the reactive runtime). */
export type ComponentCaller = (type: Component, props: Props) => Child;

/** Options common to every renderer. */
export interface RenderOptions {
  /** The hid of the first DOM node (fresh mode; default 1): render a subtree that starts mid-page. */
  firstHid?: number;
  /**
   * The output goes inside `<svg>`/`<math>`: `<script>`/`<style>` content is then escaped like any
   * text, because foreign content decodes it as markup.
   */
  foreign?: boolean;
  /** Calls component functions (fresh mode); default `type(props)`. */
  callComponent?: ComponentCaller;
  /** Receives the `useHead` calls made while rendering. */
  head?: HeadCollector;
}

const VOID = TagFlag.Void;
const RAW_TEXT = TagFlag.RawText;
const TEXTAREA = TagFlag.Textarea;
const LEADING_NL = TagFlag.LeadingNewline;
const FOREIGN_ROOT = TagFlag.ForeignRoot;

// After a tag or nothing / after a text / right after a `<pre>` or `<listing>` start tag.
const AT_TAG = 0;
const AT_TEXT = 1;
const AT_PRE = 2;

/** The current slice's output (streams only). */
let out = '';
let nextHid = 1;
let st = AT_TAG;
let mounted = false;
let caller: ComponentCaller | undefined;

function resolve(v: VComponent): VNode {
  if (mounted) {
    const inst = v.instance;
    if (inst === undefined) throw new Error(`Cannot render <${v.type.name || 'Anonymous'}>: the component is not mounted (no instance).`);
    return inst.out;
  }
  return normalizeOutput(caller === undefined ? v.type(v.props) : caller(v.type, v.props));
}

// The closing `"` of an attribute value is written with what follows it (the next attribute's
// `" name="`, or `">`): one string concatenation less per attribute. `attr` reports in `attrQuoted`
// whether a value's `"` is pending after it.
let attrQuoted = false;

/** Append prop `p` with value `v` to the start tag `s`; `q`: a `"` is pending before it. */
function attr(s: string, p: PropInfo, v: unknown, q: boolean): string {
  let a: string | null;
  if (typeof v === 'string') {
    if (v === '') return bare(s, p, q, p.cls);
    a = v;
  } else if (typeof v === 'number') {
    // A number never needs escaping.
    attrQuoted = true;
    return s + (q ? p.qprefix : p.prefix) + v;
  } else {
    a = p.style && typeof v === 'object' ? styleString(v as Record<string, unknown>) || null : attrValue(p.name, v);
    if (a === null) return bare(s, p, q, true);
    if (a === '') return bare(s, p, q, false);
  }
  if (p.url && isScriptUrl(a)) a = BLOCKED_URL;
  const e = escapeAttr(a);
  attrQuoted = true;
  return s + (q ? p.qprefix : p.prefix) + e;
}

/** ` name` for an empty value, or nothing (`skip`). */
function bare(s: string, p: PropInfo, q: boolean, skip: boolean): string {
  attrQuoted = q && skip;
  if (skip) return s;
  return s + (q ? p.qbare : p.bare);
}

function isHook(v: unknown): v is { name: string; config?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
}

/** The framework's attributes and the end of the start tag `s` (`q`: a `"` is pending). */
function frameworkAttrs(s: string, q: boolean, el: VElement, hid: number | undefined, spec: string, hook: unknown): string {
  const hasHook = isHook(hook);
  if (spec === '' && !hasHook) return q ? s + '">' : s + '>';
  if (hid === undefined) throw new Error(`Cannot render <${el.tag}>: it declares events or a hook but has no hid (mount the tree first).`);
  s += (q ? '" data-hid="' : ' data-hid="') + hid;
  if (spec !== '') s += '" data-on="' + escapeAttr(spec);
  if (hasHook) {
    const name = escapeAttr(hook.name);
    const json = hook.config === undefined ? undefined : JSON.stringify(hook.config);
    s += '" data-hook="' + name;
    if (json !== undefined) return s + "\" data-hook-config='" + escapeAttrSingle(json) + "'>";
  }
  return s + '">';
}

/** `o` followed by the start tag of `el`. */
function openTag(o: string, el: VElement, info: TagInfo, hid: number | undefined): string {
  const props = el.props;
  // No props: the whole start tag is cached.
  if (props === EMPTY_PROPS) return o + info.start;
  let s = info.open;
  let q = false;
  // The event spec is assembled here for plain function handlers (the usual case); a handler object
  // with modifiers defers to `eventSpec`, the reference.
  let spec = '';
  let specObjects = false;
  let hook: unknown;
  for (const k in props) {
    const v = props[k];
    if (v === undefined || v === null) continue;
    const p = propInfo(k);
    const kind = p.kind;
    if (kind === PropKind.Attr) {
      if (!p.value || (info.flags & TEXTAREA) === 0) {
        s = attr(s, p, v, q);
        q = attrQuoted;
      }
    } else if (kind === PropKind.Event) {
      if (typeof v === 'function') spec = spec === '' ? p.name : spec + ' ' + p.name;
      else if (handlerOf(v) !== undefined) specObjects = true;
    } else if (kind === PropKind.Hook) {
      hook = v;
    }
  }
  if (specObjects) spec = eventSpec(props);
  return o + (spec !== '' || hook !== undefined ? frameworkAttrs(s, q, el, hid, spec, hook) : q ? s + '">' : s + '>');
}

function text(o: string, t: string): string {
  if (t === '') return o;
  if (st !== AT_TAG) {
    if (st === AT_TEXT) o += '<!---->';
    else if (t.charCodeAt(0) === 10) o += '\n';
  }
  st = AT_TEXT;
  return o + escapeText(t);
}

/** The text content under a text-only element; `count` numbers the text vnodes (fresh mode). */
function textOf(v: VNode, count: boolean): string {
  switch (v.kind) {
    case Kind.Text:
      if (count && !mounted) nextHid++;
      return v.text;
    case Kind.Fragment: {
      let s = '';
      const c = v.children;
      for (let i = 0; i < c.length; i++) s += textOf(c[i]!, count);
      return s;
    }
    case Kind.Component:
      return textOf(resolve(v), count);
    default:
      // Elements and raw blocks cannot live in text-only content.
      return '';
  }
}

function childText(children: readonly VNode[], count: boolean): string {
  let s = '';
  for (let i = 0; i < children.length; i++) s += textOf(children[i]!, count);
  return s;
}

/** Whether the element's body is one of the leaf bodies of {@link leafBody} (void, textarea, raw text). */
function isLeaf(f: number, foreign: boolean): boolean {
  return (f & (VOID | TEXTAREA)) !== 0 || ((f & RAW_TEXT) !== 0 && !foreign);
}

/** `o` followed by the void, textarea or raw text body of `el` (see {@link isLeaf}) and its end tag. */
function leafBody(o: string, el: VElement, info: TagInfo): string {
  const f = info.flags;
  st = AT_TAG;
  if ((f & VOID) !== 0) return o;
  if ((f & TEXTAREA) !== 0) {
    const v = el.props.value;
    const t = v === undefined || v === null ? childText(el.children, false) : typeof v === 'string' ? v : String(v);
    st = AT_TAG;
    return o + ((t.charCodeAt(0) === 10 ? '\n' : '') + escapeText(t) + info.close);
  }
  const t = childText(el.children, true);
  st = AT_TAG;
  return o + (escapeRawText(t) + info.close);
}

// The output is threaded through the walk as an argument and a return value rather than appended to a
// module variable: every store of a fresh string into module state costs a write barrier.

function element(o: string, el: VElement, foreign: boolean): string {
  const info = tagInfo(el.tag);
  o = openTag(o, el, info, mounted ? el.hid : nextHid++);
  const f = info.flags;
  if (f !== 0 && isLeaf(f, foreign)) return leafBody(o, el, info);
  st = (f & LEADING_NL) !== 0 ? AT_PRE : AT_TAG;
  const cf = (f & FOREIGN_ROOT) !== 0 || foreign;
  const c = el.children;
  for (let i = 0; i < c.length; i++) o = node(o, c[i]!, cf);
  st = AT_TAG;
  return o + info.close;
}

/** `o` followed by the HTML of `v`. */
function node(o: string, v: VNode, foreign: boolean): string {
  switch (v.kind) {
    case Kind.Element:
      return element(o, v, foreign);
    case Kind.Text:
      if (!mounted) nextHid++;
      return text(o, v.text);
    case Kind.Fragment: {
      const c = v.children;
      for (let i = 0; i < c.length; i++) o = node(o, c[i]!, foreign);
      return o;
    }
    case Kind.Component:
      return node(o, resolve(v), foreign);
    case Kind.Raw:
      if (!mounted) nextHid++;
      st = AT_TAG;
      return o + ('<!--[-->' + v.html + '<!--]-->');
  }
  return o;
}

/** Render a whole tree to one string. */
export function walkToString(root: VNode, isMounted: boolean, opts: RenderOptions | undefined): string {
  const h = nextHid, s = st, m = mounted, c = caller;
  const head = opts?.head;
  const prevHead = head === undefined ? undefined : swapHead(head);
  nextHid = opts?.firstHid ?? 1;
  st = AT_TAG;
  mounted = isMounted;
  caller = opts?.callComponent;
  try {
    return node('', root, opts?.foreign === true);
  } finally {
    nextHid = h;
    st = s;
    mounted = m;
    caller = c;
    if (head !== undefined) swapHead(prevHead);
  }
}

/** Render `root` in slices: each call returns the next chunk of at least `size` chars (or the rest), then null. */
export type Slicer = (size: number) => string | null;

/**
 * A resumable walk with an explicit stack, so a stream renders (and calls components) only as fast as it
 * is read. Same emission functions as {@link walkToString}, in the same order.
 */
export function walkInSlices(root: VNode, isMounted: boolean, opts: RenderOptions | undefined): Slicer {
  const stack: (VNode | string)[] = [root];
  const fstack: boolean[] = [opts?.foreign === true];
  const head = opts?.head;
  const call = opts?.callComponent;
  let myHid = opts?.firstHid ?? 1;
  let mySt = AT_TAG;
  return (size) => {
    if (stack.length === 0) return null;
    const o = out, h = nextHid, s = st, m = mounted, c = caller;
    const prevHead = head === undefined ? undefined : swapHead(head);
    out = '';
    nextHid = myHid;
    st = mySt;
    mounted = isMounted;
    caller = call;
    try {
      while (stack.length > 0 && out.length < size) {
        const e = stack.pop()!;
        const foreign = fstack.pop()!;
        if (typeof e === 'string') {
          out += e;
          st = AT_TAG;
          continue;
        }
        switch (e.kind) {
          case Kind.Element: {
            const info = tagInfo(e.tag);
            out = openTag(out, e, info, mounted ? e.hid : nextHid++);
            const f = info.flags;
            if (f !== 0 && isLeaf(f, foreign)) {
              out = leafBody(out, e, info);
              break;
            }
            st = (f & LEADING_NL) !== 0 ? AT_PRE : AT_TAG;
            const cf = (f & FOREIGN_ROOT) !== 0 || foreign;
            stack.push(info.close);
            fstack.push(cf);
            const ch = e.children;
            for (let i = ch.length - 1; i >= 0; i--) {
              stack.push(ch[i]!);
              fstack.push(cf);
            }
            break;
          }
          case Kind.Fragment: {
            const ch = e.children;
            for (let i = ch.length - 1; i >= 0; i--) {
              stack.push(ch[i]!);
              fstack.push(foreign);
            }
            break;
          }
          case Kind.Component:
            stack.push(resolve(e));
            fstack.push(foreign);
            break;
          default:
            out = node(out, e, foreign);
        }
      }
      myHid = nextHid;
      mySt = st;
      return out;
    } catch (err) {
      stack.length = 0;
      throw err;
    } finally {
      out = o;
      nextHid = h;
      st = s;
      mounted = m;
      caller = c;
      if (head !== undefined) swapHead(prevHead);
    }
  };
}
