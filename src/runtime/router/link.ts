/**
 * `<Link>`: an `<a>` that can ask the server to prepare its page before it is clicked.
 */
import { h } from '../vdom/h.ts';
import type { AnchorHTMLAttributes } from '../vdom/jsx-types.ts';
import type { Child, VNode } from '../vdom/vnode.ts';

/** Props of {@link Link}: those of `<a>`, with `href` required. */
export interface LinkProps extends AnchorHTMLAttributes {
  href: string;
  /**
   * Prepare the target page on the first hover or keyboard focus of the link, so that clicking it
   * shows the page without rendering it then. `'hover'` is the same as `true`. Default `false`.
   * The prepared page's effects run only once the click navigates to it (see docs/routing.md).
   */
  prefetch?: boolean | 'hover';
  children?: Child;
}

/**
 * A link. Rendered as `<a href>` with the other props passed through (with `prefetch`, it carries
 * `data-prefetch`, which the live client watches). Clicks navigate live like any same-origin `<a>`.
 *
 * ```tsx
 * <Link href="/projects/7" prefetch>Project 7</Link>
 * ```
 */
export function Link(props: LinkProps): VNode {
  const { prefetch, ...rest } = props;
  return h('a', prefetch ? { ...rest, 'data-prefetch': '' } : rest);
}
