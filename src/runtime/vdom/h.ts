/**
 * VNode construction: `h()` for plain code, used by the JSX runtime too.
 *
 * Children are normalized once, here: nested arrays are flattened, `null`/`undefined`/booleans dropped,
 * strings and numbers become text nodes, and adjacent texts are merged into one text node (the browser's
 * HTML parser would merge them anyway, so the server's tree and the client's DOM stay in step).
 * Empty strings are dropped for the same reason.
 */
import { VOID_ELEMENTS } from './html.ts';
import { componentNode, elementNode, EMPTY_PROPS, fragmentNode, rawNode, textNode, Kind, type Child, type Component, type Key, type Props, type VComponent, type VElement, type VFragment, type VNode, type VRaw, type VText } from './vnode.ts';

/** Marker component for fragments (`<>...</>` and `h(Fragment, null, ...)`). */
export function Fragment(props: { children?: Child }): Child {
  return props.children;
}

/** A text node. */
export function text(value: string): VText {
  return textNode(value);
}

/** Trusted raw HTML, inserted verbatim. Never pass user input. */
export function raw(html: string, key?: Key): VRaw {
  return rawNode(html, key);
}

function isVNode(c: object): c is VNode {
  return typeof (c as VNode).kind === 'number';
}

function push(out: VNode[], c: Child): void {
  if (c === null || c === undefined || typeof c === 'boolean') return;
  if (typeof c === 'object') {
    if (Array.isArray(c)) {
      for (let i = 0; i < c.length; i++) push(out, c[i]);
      return;
    }
    if (isVNode(c)) {
      if (c.kind === Kind.Text) {
        pushText(out, c.text, c);
        return;
      }
      out.push(c);
      return;
    }
    throw new TypeError(`Objects are not valid as a child (found: object with keys {${Object.keys(c).join(', ')}}). Render a string, a number, an element or an array of them.`);
  }
  if (typeof c === 'function' || typeof c === 'symbol') {
    throw new TypeError(`A ${typeof c} is not valid as a child. Did you mean to call it, or render <${(c as { name?: string }).name ?? 'Component'} />?`);
  }
  pushText(out, String(c), undefined);
}

function pushText(out: VNode[], s: string, node: VText | undefined): void {
  if (s === '') return;
  const last = out[out.length - 1];
  if (last !== undefined && last.kind === Kind.Text) {
    out[out.length - 1] = text(last.text + s);
    return;
  }
  out.push(node && node.hid === undefined ? node : text(s));
}

/** Normalize any child value into a flat list of VNodes. */
export function normalizeChildren(c: Child): VNode[] {
  const out: VNode[] = [];
  push(out, c);
  return out;
}

/** Normalize a component's return value into exactly one VNode (a fragment when it has several roots). */
export function normalizeOutput(c: Child): VNode {
  if (c !== null && typeof c === 'object' && !Array.isArray(c) && isVNode(c) && c.kind !== Kind.Text) return c;
  const list = normalizeChildren(c);
  if (list.length === 1) return list[0]!;
  return fragmentNode(list, undefined);
}

/** Create an element, fragment or component vnode. `props.key` becomes the node's key. */
export function createVNode(type: string | Component, props: Props | null, children: Child, key: Key | undefined): VNode {
  if (typeof type === 'string') {
    let p: Props = props ?? EMPTY_PROPS;
    if (p.children !== undefined || p.key !== undefined) {
      // JSX passes children in props: an element with nothing else shares the empty props.
      let copy: Props | undefined;
      for (const k in p) if (k !== 'key' && k !== 'children') (copy ??= {})[k] = p[k];
      p = copy ?? EMPTY_PROPS;
    }
    let list = normalizeChildren(children);
    // A form with a submit handler posts to its page when there is no script (progressive enhancement).
    if (type === 'form' && p.method === undefined && p.onSubmit !== undefined) p = { ...p, method: 'post' };
    // Void elements have no children in the DOM, so they have none here either.
    if (list.length > 0 && VOID_ELEMENTS.has(type)) list = [];
    // A textarea's content is its value: keep it as a prop so the server tree and the DOM agree.
    if (type === 'textarea' && list.length > 0) {
      if (p.value === undefined) p = { ...p, value: list.map((c) => (c.kind === Kind.Text ? c.text : '')).join('') };
      list = [];
    }
    return elementNode(type, p, list, key);
  }
  if (type === Fragment) {
    return fragmentNode(normalizeChildren(children), key);
  }
  if (typeof type !== 'function') {
    throw new TypeError(`Element type is invalid: expected a tag name or a component function, got ${type === null ? 'null' : typeof type}.`);
  }
  let p: Props;
  if (props === null) p = children === undefined ? {} : { children };
  else if (('key' in props) || (children !== undefined && props.children !== children)) {
    p = {};
    for (const k in props) if (k !== 'key') p[k] = props[k];
    if (children !== undefined) p.children = children;
  } else p = props;
  return componentNode(type, p, key);
}

/**
 * Hyperscript: `h('div', { class: 'card' }, h('h1', null, 'Hello'), 'text')`, `h(Counter, { start: 1 })`.
 * A `key` prop keys the node among its siblings.
 */
export function h(type: string | Component, props?: Props | null, ...children: Child[]): VNode {
  const key = props?.key as Key | undefined;
  return createVNode(type, props ?? null, children.length === 0 ? (props?.children as Child) : children.length === 1 ? children[0] : children, key);
}

/**
 * Classic `createElement`, which compilers fall back to for `<el {...props} key="x" />`. Dev-only
 * compiler props (`__self`, `__source`) are dropped.
 */
export function createElement(type: string | Component, props?: Props | null, ...children: Child[]): VNode {
  let p = props ?? null;
  if (p !== null && ('__self' in p || '__source' in p)) {
    const { __self: _s, __source: _src, ...rest } = p;
    p = rest;
  }
  return h(type, p, ...children);
}
