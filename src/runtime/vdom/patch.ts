/**
 * Patch operations: what the diff emits and what the protocol carries to the client.
 *
 * Nodes are addressed by hydration id (see vnode.ts). Structural ops name a parent element and a
 * reference sibling (`before`, 0 = append), never an index, so text nodes and mixed content are
 * addressed precisely. New subtrees carry their hids implicitly: the first node of the subtree gets
 * `first`, and every DOM-bearing node after it in pre-order gets the next integer.
 */
import { Kind } from './vnode.ts';

export const Op = {
  /** Replace the data of a text node. */
  SetText: 1,
  /** Set an attribute (never an `on*` attribute: the client refuses those). */
  SetAttr: 2,
  RemoveAttr: 3,
  /** Set a live property (`value`, `checked`, `selected`, `indeterminate`) and its attribute. */
  SetProp: 4,
  /** Insert a serialized subtree under `parent` before `before` (0 = append). */
  Insert: 5,
  Remove: 6,
  /** Move an existing node (with its subtree) under `parent` before `before` (0 = append). */
  Move: 7,
  /** Replace a node with a serialized subtree. */
  Replace: 8,
  /** Set the element's declared event listeners (the `data-on` value); '' removes them all. */
  Listen: 9,
  // Commands issued by the runtime rather than the diff.
  Focus: 16,
  Blur: 17,
  ScrollIntoView: 18,
  /** Change the URL without navigation: push or replace a history entry. */
  UrlPush: 19,
  UrlReplace: 20,
  /** Deliver an event to a client hook mounted on `hid`. */
  HookEvent: 21,
  AddClass: 22,
  RemoveClass: 23,
  ToggleClass: 24,
  /** Dispatch a DOM CustomEvent named `name` with `detail` (JSON) on the element. */
  Dispatch: 25,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

/** A subtree as it travels on the wire: attributes are final strings, handlers are gone. */
export type WireNode = WireElement | WireText | WireRaw;
export interface WireElement {
  kind: typeof Kind.Element;
  tag: string;
  /** In render order. Boolean attributes carry ''. */
  attrs: [name: string, value: string][];
  children: WireNode[];
}
export interface WireText {
  kind: typeof Kind.Text;
  text: string;
}
/** Trusted HTML; owns exactly one hid (its start marker). */
export interface WireRaw {
  kind: typeof Kind.Raw;
  html: string;
}

export type PropValue = string | number | boolean;

export type Patch =
  | { op: typeof Op.SetText; hid: number; text: string }
  | { op: typeof Op.SetAttr; hid: number; name: string; value: string }
  | { op: typeof Op.RemoveAttr; hid: number; name: string }
  | { op: typeof Op.SetProp; hid: number; name: string; value: PropValue }
  | { op: typeof Op.Insert; parent: number; before: number; first: number; node: WireNode }
  | { op: typeof Op.Remove; hid: number }
  | { op: typeof Op.Move; parent: number; hid: number; before: number }
  | { op: typeof Op.Replace; hid: number; first: number; node: WireNode }
  | { op: typeof Op.Listen; hid: number; spec: string }
  | { op: typeof Op.Focus; hid: number }
  | { op: typeof Op.Blur; hid: number }
  | { op: typeof Op.ScrollIntoView; hid: number; smooth: boolean }
  | { op: typeof Op.UrlPush; url: string }
  | { op: typeof Op.UrlReplace; url: string }
  | { op: typeof Op.HookEvent; hid: number; name: string; payload: string }
  | { op: typeof Op.AddClass; hid: number; name: string }
  | { op: typeof Op.RemoveClass; hid: number; name: string }
  | { op: typeof Op.ToggleClass; hid: number; name: string }
  | { op: typeof Op.Dispatch; hid: number; name: string; detail: string };

/** Number of hids a wire subtree consumes (elements, texts and raw blocks, in pre-order; a textarea's text is its value). */
export function wireSize(node: WireNode): number {
  if (node.kind !== Kind.Element || node.tag === 'textarea') return 1;
  let n = 1;
  for (const c of node.children) n += wireSize(c);
  return n;
}
