/**
 * VNode construction: `h()` for plain code, used by the JSX runtime too.
 *
 * Children are normalized once, here: nested arrays are flattened, `null`/`undefined`/booleans dropped,
 * strings and numbers become text nodes, and adjacent texts are merged into one text node (the browser's
 * HTML parser would merge them anyway, so the server's tree and the client's DOM stay in step).
 * Empty strings are dropped for the same reason.
 */
import { isVoidElement } from './html.ts';
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
  return childList(c, false);
}

/**
 * `normalizeChildren` with the common shapes (nothing, one text or node, a flat list of element-like
 * nodes) built directly, without growing a list by `push`. `owned`: `c` is an array nobody else holds
 * (h's rest parameter), so a list that needs no normalization is used as it is.
 */
function childList(c: Child, owned: boolean): VNode[] {
  if (typeof c === 'string') return c === '' ? [] : [textNode(c)];
  if (typeof c === 'object') {
    if (c === null) return [];
    if (Array.isArray(c)) return flatList(c, owned);
    if (isVNode(c) && c.kind !== Kind.Text) return [c];
  } else if (c === undefined || typeof c === 'boolean') {
    return [];
  } else if (typeof c === 'number') {
    return [textNode(String(c))];
  }
  const out: VNode[] = [];
  push(out, c);
  return out;
}

function flatList(c: Child[], owned: boolean): VNode[] {
  for (let i = 0; i < c.length; i++) {
    const x = c[i];
    // Anything but an element-like vnode (texts merge, arrays flatten, holes drop) takes the general path.
    if (typeof x !== 'object' || x === null || Array.isArray(x) || !isVNode(x) || x.kind === Kind.Text) {
      const out: VNode[] = [];
      for (let j = 0; j < i; j++) out.push(c[j] as VNode);
      for (let j = i; j < c.length; j++) push(out, c[j]);
      return out;
    }
  }
  return owned ? (c as VNode[]) : (c.slice() as VNode[]);
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
  return create(type, props, children, key, false, props === null);
}

/**
 * `owned`: `children` is an array only this call holds (see `childList`). `clean`: the caller knows
 * that `props` has neither `key` nor `children` (or is null).
 */
function create(type: string | Component, props: Props | null, children: Child, key: Key | undefined, owned: boolean, clean: boolean): VNode {
  if (typeof type === 'string') {
    let p: Props = props ?? EMPTY_PROPS;
    if (!clean && (p.children !== undefined || p.key !== undefined)) {
      // JSX passes children in props: an element with nothing else shares the empty props.
      let copy: Props | undefined;
      for (const k in p) if (k !== 'key' && k !== 'children') (copy ??= {})[k] = p[k];
      p = copy ?? EMPTY_PROPS;
    }
    let list = childList(children, owned);
    // A form with a submit handler posts to its page when there is no script (progressive enhancement).
    if (type === 'form' && p.method === undefined && p.onSubmit !== undefined) p = { ...p, method: 'post' };
    // Void elements have no children in the DOM, so they have none here either.
    if (list.length > 0 && isVoidElement(type)) list = [];
    // A textarea's content is its value: keep it as a prop so the server tree and the DOM agree.
    if (type === 'textarea' && list.length > 0) {
      if (p.value === undefined) p = { ...p, value: list.map((c) => (c.kind === Kind.Text ? c.text : '')).join('') };
      list = [];
    }
    return elementNode(type, p, list, key);
  }
  if (type === Fragment) {
    return fragmentNode(childList(children, owned), key);
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
  const n = children.length;
  // Several children come as the rest array, which is ours: a flat list of nodes becomes the child list.
  if (props === null || props === undefined) return create(type, null, n === 0 ? undefined : n === 1 ? children[0] : children, undefined, n > 1, true);
  const key = props.key as Key | undefined;
  const pc = props.children as Child;
  return create(type, props, n === 0 ? pc : n === 1 ? children[0] : children, key, n > 1, key === undefined && pc === undefined);
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
