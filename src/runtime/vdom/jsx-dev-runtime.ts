/**
 * The development JSX runtime: same nodes as `jsx-runtime`, used by `jsxDEV` in dev builds.
 */
import { createVNode, Fragment } from './h.ts';
import type { Child, Component, Key, Props, VNode } from './vnode.ts';
export type { JSX } from './jsx-types.ts';

export { Fragment };

/** Called by compiled JSX in development mode. Source info is accepted for future diagnostics. */
export function jsxDEV(type: string | Component, props: Props, key?: Key, _isStatic?: boolean, _source?: unknown, _self?: unknown): VNode {
  return createVNode(type, props, props.children as Child, key ?? (props.key as Key | undefined));
}
