/**
 * Virtual DOM node types.
 *
 * VNodes are created fresh on every render and are treated as immutable by user code. The reconciler
 * stores its bookkeeping (hydration id, component instance, parent link) on the *mounted* copy; a VNode
 * object that is already mounted somewhere is cloned before it is mounted a second time.
 *
 * Hydration ids (hids) are positive integers assigned in document (pre-)order to every DOM-bearing node
 * (element, text, raw) of a live root, starting at 1. Fragments and components own no DOM node and get no
 * hid. The thin client numbers the server-rendered DOM with the same walk, so ids need not be written
 * into the HTML except where an element declares interaction (`data-hid`).
 */

/** Node kinds. Numeric so that checks are cheap; stable because the protocol mirrors them. */
export const Kind = {
  Element: 1,
  Text: 2,
  Fragment: 3,
  Component: 4,
  Raw: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A list key: unique among siblings. */
export type Key = string | number;

/** Anything a component or element may have as a child before normalization. */
export type Child = VNode | string | number | bigint | boolean | null | undefined | Child[];

/** Props bag. Event handler props are named `onClick`, `onInput`, ... and hold server-side functions. */
export type Props = Record<string, unknown>;

/** The props of an element created without any: shared, so the diff can tell "none" at a glance. */
export const EMPTY_PROPS: Props = Object.freeze({}) as Props;

/** A component: a function of its props returning what to render. */
export type Component<P = any> = (props: P) => Child;

interface Base {
  /** Set by the reconciler while mounted. */
  hid?: number;
  /** Parent link while mounted (element, fragment or component vnode); used to find DOM siblings. */
  parent?: VParent;
}

export interface VElement extends Base {
  readonly kind: typeof Kind.Element;
  readonly tag: string;
  /** Props without `key`, `children`; may include event handlers (`on*`) and `ref`. */
  readonly props: Props;
  readonly children: VNode[];
  readonly key: Key | undefined;
}

export interface VText extends Base {
  readonly kind: typeof Kind.Text;
  readonly text: string;
  readonly key: undefined;
}

export interface VFragment extends Base {
  readonly kind: typeof Kind.Fragment;
  readonly children: VNode[];
  readonly key: Key | undefined;
}

export interface VComponent extends Base {
  readonly kind: typeof Kind.Component;
  readonly type: Component;
  /** Props including `children` (as passed), without `key`. */
  readonly props: Props;
  readonly key: Key | undefined;
  /** Set by the reconciler: the mounted instance (owns signals, rendered output). */
  instance?: ComponentInstanceLike;
}

/** Trusted HTML inserted verbatim. Never build it from user input. */
export interface VRaw extends Base {
  readonly kind: typeof Kind.Raw;
  readonly html: string;
  readonly key: Key | undefined;
}

export type VNode = VElement | VText | VFragment | VComponent | VRaw;
export type VParent = VElement | VFragment | VComponent;

/**
 * What the renderer and diff need from a mounted component instance. The full class lives in
 * `component.ts`; this keeps `vnode.ts` free of the reactive core.
 */
export interface ComponentInstanceLike {
  /** The normalized output of the last render (a single node; multiple roots become a fragment). */
  out: VNode;
}

/**
 * Every vnode, whatever its kind, is an instance of this one class with the same fields in the same
 * order: the diff and the renderer touch millions of them, and one hidden class keeps their property
 * accesses monomorphic. The kind-specific interfaces above are typed views of it.
 */
class VNodeRecord {
  kind: Kind;
  tag: string | undefined;
  type: Component | undefined;
  props: Props | undefined;
  children: VNode[] | undefined;
  key: Key | undefined;
  text: string | undefined;
  html: string | undefined;
  hid: number | undefined = undefined;
  parent: VParent | undefined = undefined;
  instance: ComponentInstanceLike | undefined = undefined;
  constructor(kind: Kind, tag: string | undefined, type: Component | undefined, props: Props | undefined, children: VNode[] | undefined, key: Key | undefined, text: string | undefined, html: string | undefined) {
    this.kind = kind;
    this.tag = tag;
    this.type = type;
    this.props = props;
    this.children = children;
    this.key = key;
    this.text = text;
    this.html = html;
  }
}

export function elementNode(tag: string, props: Props, children: VNode[], key: Key | undefined): VElement {
  return new VNodeRecord(Kind.Element, tag, undefined, props, children, key, undefined, undefined) as VElement;
}

export function textNode(text: string): VText {
  return new VNodeRecord(Kind.Text, undefined, undefined, undefined, undefined, undefined, text, undefined) as VText;
}

export function fragmentNode(children: VNode[], key: Key | undefined): VFragment {
  return new VNodeRecord(Kind.Fragment, undefined, undefined, undefined, children, key, undefined, undefined) as VFragment;
}

let latestComponent: ((type: Component) => Component | undefined) | undefined;

/**
 * Dev hot reload: map every component to its newest version as vnodes are created, so code that still
 * holds an old function (a stored route match, a closure) renders the current one.
 */
export function setComponentResolver(resolve: ((type: Component) => Component | undefined) | undefined): void {
  latestComponent = resolve;
}

export function componentNode(type: Component, props: Props, key: Key | undefined): VComponent {
  if (latestComponent !== undefined) type = latestComponent(type) ?? type;
  return new VNodeRecord(Kind.Component, undefined, type, props, undefined, key, undefined, undefined) as VComponent;
}

/** Our raw-block markers written inside raw HTML would end the block early for the client's walk. */
const MARKER = /<!--([[\]])-->/g;

export function rawNode(html: string, key: Key | undefined): VRaw {
  // `<!--[ -->` is the same comment to a reader and no marker to the walk (only `[`/`]` exactly are).
  if (html.includes('<!--')) html = html.replace(MARKER, '<!--$1 -->');
  return new VNodeRecord(Kind.Raw, undefined, undefined, undefined, undefined, key, undefined, html) as VRaw;
}
