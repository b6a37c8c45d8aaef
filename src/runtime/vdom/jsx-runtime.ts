/**
 * The automatic JSX runtime (`"jsxImportSource": "vango"`).
 */
import { createVNode, Fragment } from './h.ts';
import type { Child, Component, Key, Props, VNode } from './vnode.ts';
export type { JSX } from './jsx-types.ts';

export { Fragment };

/** Called by compiled JSX for elements with zero or one child. */
export function jsx(type: string | Component, props: Props, key?: Key): VNode {
  return createVNode(type, props, props.children as Child, key ?? (props.key as Key | undefined));
}

/** Called by compiled JSX for elements with several static children. */
export const jsxs = jsx;
