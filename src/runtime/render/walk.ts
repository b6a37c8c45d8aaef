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
 * restore it so renders may nest, and a stream swaps its own state in for each slice it renders.
 */
import { attrValue, eventSpec, handlerOf } from '../vdom/attrs.ts';
import { normalizeOutput } from '../vdom/h.ts';
import { Kind, type Child, type Component, type Props, type VComponent, type VElement, type VNode } from '../vdom/vnode.ts';
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

function attr(s: string, p: PropInfo, v: unknown): string {
  let a: string | null;
  if (typeof v === 'string') {
    if (v === '') return p.cls ? s : s + p.bare;
    a = v;
  } else if (typeof v === 'number') {
    // A number never needs escaping.
    return s + p.prefix + v + '"';
  } else {
    a = p.style && typeof v === 'object' ? styleString(v as Record<string, unknown>) || null : attrValue(p.name, v);
    if (a === null) return s;
    if (a === '') return s + p.bare;
  }
  if (p.url && isScriptUrl(a)) a = BLOCKED_URL;
  return s + p.prefix + escapeAttr(a) + '"';
}

function isHook(v: unknown): v is { name: string; config?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
}

function frameworkAttrs(el: VElement, hid: number | undefined, spec: string, hook: unknown): string {
  const hasHook = isHook(hook);
  if (spec === '' && !hasHook) return '';
  if (hid === undefined) throw new Error(`Cannot render <${el.tag}>: it declares events or a hook but has no hid (mount the tree first).`);
  let s = ' data-hid="' + hid + '"';
  if (spec !== '') s += ' data-on="' + escapeAttr(spec) + '"';
  if (hasHook) {
    s += ' data-hook="' + escapeAttr(hook.name) + '"';
    if (hook.config !== undefined) {
      const json = JSON.stringify(hook.config);
      if (json !== undefined) s += " data-hook-config='" + escapeAttrSingle(json) + "'";
    }
  }
  return s;
}

function openTag(el: VElement, info: TagInfo, hid: number | undefined): void {
  const props = el.props;
  let s = info.open;
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
      if (!p.value || (info.flags & TEXTAREA) === 0) s = attr(s, p, v);
    } else if (kind === PropKind.Event) {
      if (typeof v === 'function') spec = spec === '' ? p.name : spec + ' ' + p.name;
      else if (handlerOf(v) !== undefined) specObjects = true;
    } else if (kind === PropKind.Hook) {
      hook = v;
    }
  }
  if (specObjects) spec = eventSpec(props);
  if (spec !== '' || hook !== undefined) s += frameworkAttrs(el, hid, spec, hook);
  out += s + '>';
}

function text(t: string): void {
  if (t === '') return;
  if (st !== AT_TAG) {
    if (st === AT_TEXT) out += '<!---->';
    else if (t.charCodeAt(0) === 10) out += '\n';
  }
  out += escapeText(t);
  st = AT_TEXT;
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

/** Void, textarea and raw text bodies; false when the element has ordinary children. */
function leafBody(el: VElement, info: TagInfo, foreign: boolean): boolean {
  const f = info.flags;
  if ((f & VOID) !== 0) {
    st = AT_TAG;
    return true;
  }
  if ((f & TEXTAREA) !== 0) {
    const v = el.props.value;
    const t = v === undefined || v === null ? childText(el.children, false) : typeof v === 'string' ? v : String(v);
    out += (t.charCodeAt(0) === 10 ? '\n' : '') + escapeText(t) + info.close;
    st = AT_TAG;
    return true;
  }
  if ((f & RAW_TEXT) !== 0 && !foreign) {
    out += escapeRawText(childText(el.children, true)) + info.close;
    st = AT_TAG;
    return true;
  }
  return false;
}

function element(el: VElement, foreign: boolean): void {
  const info = tagInfo(el.tag);
  openTag(el, info, mounted ? el.hid : nextHid++);
  const f = info.flags;
  if (f !== 0 && leafBody(el, info, foreign)) return;
  st = (f & LEADING_NL) !== 0 ? AT_PRE : AT_TAG;
  const cf = (f & FOREIGN_ROOT) !== 0 || foreign;
  const c = el.children;
  for (let i = 0; i < c.length; i++) node(c[i]!, cf);
  out += info.close;
  st = AT_TAG;
}

function node(v: VNode, foreign: boolean): void {
  switch (v.kind) {
    case Kind.Element:
      element(v, foreign);
      return;
    case Kind.Text:
      if (!mounted) nextHid++;
      text(v.text);
      return;
    case Kind.Fragment: {
      const c = v.children;
      for (let i = 0; i < c.length; i++) node(c[i]!, foreign);
      return;
    }
    case Kind.Component:
      node(resolve(v), foreign);
      return;
    case Kind.Raw:
      if (!mounted) nextHid++;
      out += '<!--[-->' + v.html + '<!--]-->';
      st = AT_TAG;
      return;
  }
}

/** Render a whole tree to one string. */
export function walkToString(root: VNode, isMounted: boolean, opts: RenderOptions | undefined): string {
  const o = out, h = nextHid, s = st, m = mounted, c = caller;
  const head = opts?.head;
  const prevHead = head === undefined ? undefined : swapHead(head);
  out = '';
  nextHid = opts?.firstHid ?? 1;
  st = AT_TAG;
  mounted = isMounted;
  caller = opts?.callComponent;
  try {
    node(root, opts?.foreign === true);
    return out;
  } finally {
    out = o;
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
            openTag(e, info, mounted ? e.hid : nextHid++);
            const f = info.flags;
            if (f !== 0 && leafBody(e, info, foreign)) break;
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
            node(e, foreign);
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
