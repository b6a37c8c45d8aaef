/**
 * HTML serialization to a string: of a fresh tree (components called, hids counted as the reconciler
 * would assign them) or of an already-mounted tree (hids and component outputs read from it).
 */
import { normalizeOutput } from '../vdom/h.ts';
import type { Child, VNode } from '../vdom/vnode.ts';
import { walkToString, type RenderOptions } from './walk.ts';

/**
 * Render a fresh tree to HTML. Components are called as they are reached; elements that declare
 * events or a hook carry `data-hid` equal to the hid a mount of the same tree would give them.
 */
export function renderToString(child: Child, opts?: RenderOptions): string {
  return walkToString(normalizeOutput(child), false, opts);
}

/** Options for {@link renderMounted}: only the context of the output is relevant. */
export type MountedRenderOptions = Pick<RenderOptions, 'foreign' | 'head'>;

/**
 * Render an already-mounted tree (hids assigned, `instance.out` set on components) to HTML, e.g. the
 * first page of a live session. Throws on an unmounted component, or on an interactive element
 * without a hid.
 */
export function renderMounted(node: VNode, opts?: MountedRenderOptions): string {
  return walkToString(node, true, opts);
}
