/**
 * `<Link>`: an `<a>` with the other props passed through; `prefetch` becomes `data-prefetch`, the
 * marker the live client watches. The usual attribute rules of `<a>` apply.
 */
import { describe, expect, it } from 'vitest';
import { Link as FromVango } from '../../../src/runtime/index.ts';
import { renderToString } from '../../../src/runtime/render/index.ts';
import { Link, type LinkProps } from '../../../src/runtime/router/index.ts';
import { h } from '../../../src/runtime/vdom/h.ts';

const html = (props: LinkProps) => renderToString(h(Link, { ...props }));

describe('Link', () => {
  it('renders <a href> with data-prefetch when asked, for true and for "hover"', () => {
    expect(html({ href: '/projects/7', prefetch: true, children: 'seven' })).toBe('<a href="/projects/7" data-prefetch>seven</a>');
    expect(html({ href: '/projects/7', prefetch: 'hover', children: 'seven' })).toBe('<a href="/projects/7" data-prefetch>seven</a>');
  });

  it('without prefetch (or with false) is a plain <a>, other props passed through', () => {
    expect(html({ href: '/a', children: 'a' })).toBe('<a href="/a">a</a>');
    expect(html({ href: '/a', prefetch: false, class: 'nav', target: '_self', 'data-x': '1', children: 'a' })).toBe('<a href="/a" class="nav" target="_self" data-x="1">a</a>');
  });

  it('escapes like any <a> and blocks script URLs', () => {
    expect(html({ href: '/q?a=1&b="2"', prefetch: true, children: '<b>' })).toBe('<a href="/q?a=1&amp;b=&quot;2&quot;" data-prefetch>&lt;b&gt;</a>');
    expect(html({ href: 'javascript:alert(1)', children: 'x' })).not.toContain('javascript:');
  });

  it('is the same component from vango and vango/router', () => {
    expect(FromVango).toBe(Link);
  });
});
