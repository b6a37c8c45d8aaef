import { describe, expect, it } from 'vitest';
import { RouteRule } from '../../../src/runtime/router/errors.ts';
import { expandPattern, formatPattern, paramKinds, parsePattern, shapeKey } from '../../../src/runtime/router/pattern.ts';
import { createRouter, type RouteMatch } from '../../../src/runtime/router/table.ts';
import { SegmentTree, splitPath } from '../../../src/runtime/router/tree.ts';
import { page, routeError, table } from './helpers.ts';

/** The pattern and params a path matches (or 'redirect → x' / undefined). */
function matcher(patterns: string[], trailingSlash?: 'never' | 'always' | 'ignore') {
  const router = createRouter(table(patterns.map((p) => page(p))), { trailingSlash });
  return (path: string) => {
    const m = router.match(path);
    if (!m) return undefined;
    if (m.kind === 'redirect') return `redirect ${m.status} → ${m.location}`;
    return [m.route.pattern, m.params] as const;
  };
}

describe('patterns', () => {
  it('parse and format round-trip every segment kind', () => {
    for (const p of ['/', '/about', '/projects/:id', '/:lang?/contact', '/docs/:slug+', '/:path*', '/a/:b/c/:d?']) {
      expect(formatPattern(parsePattern(p))).toBe(p);
    }
    expect(parsePattern('/docs/:slug+')).toEqual([
      { kind: 'static', value: 'docs' },
      { kind: 'catch-all', name: 'slug', optional: false },
    ]);
    expect(paramKinds(parsePattern('/:a/:b?/:c*'))).toEqual({ a: 'one', b: 'optional', c: 'optional-many' });
  });

  it('expand optional segments into concrete shapes, the shortest first', () => {
    const shapes = expandPattern(parsePattern('/:lang?/docs/:rest*')).map(formatPattern);
    expect(shapes).toEqual(['/docs', '/docs/:rest+', '/:lang/docs', '/:lang/docs/:rest+']);
    expect(shapeKey(parsePattern('/a/:id'))).toBe(shapeKey(parsePattern('/a/:slug')));
    expect(shapeKey(parsePattern('/a/:id'))).not.toBe(shapeKey(parsePattern('/a/:id+')));
  });

  it('reject malformed patterns with the rule broken', () => {
    const cases: [string, string][] = [
      ['about', RouteRule.BadPattern],
      ['/a//b', RouteRule.BadPattern],
      ['/a/', RouteRule.BadPattern],
      ['/:', RouteRule.EmptyParam],
      ['/:my-id', RouteRule.BadParamName],
      ['/:__proto__', RouteRule.BadParamName],
      ['/:a/:a', RouteRule.DuplicateParam],
      ['/:a+/:b*', RouteRule.MultipleCatchAll],
      ['/:a+/b', RouteRule.CatchAllNotLast],
    ];
    for (const [p, rule] of cases) expect(routeError(() => parsePattern(p)).rule, p).toBe(rule);
  });
});

describe('segment tree', () => {
  it('static beats param beats catch-all, at every position', () => {
    const m = matcher(['/projects/new', '/projects/:id', '/projects/:rest+', '/:page']);
    expect(m('/projects/new')).toEqual(['/projects/new', {}]);
    expect(m('/projects/42')).toEqual(['/projects/:id', { id: '42' }]);
    expect(m('/projects/42/files')).toEqual(['/projects/:rest+', { rest: ['42', 'files'] }]);
    expect(m('/projects')).toEqual(['/:page', { page: 'projects' }]);
  });

  it('backtracks from a static branch that dead-ends to a param branch', () => {
    const m = matcher(['/projects/new', '/projects/:id/edit']);
    expect(m('/projects/new/edit')).toEqual(['/projects/:id/edit', { id: 'new' }]);
    expect(m('/projects/new/other')).toBeUndefined();
  });

  it('the route order in the table does not change the winner', () => {
    const a = matcher(['/projects/new', '/projects/:id', '/:x+']);
    const b = matcher(['/:x+', '/projects/:id', '/projects/new']);
    for (const p of ['/projects/new', '/projects/1', '/projects', '/a/b/c']) expect(a(p)).toEqual(b(p));
  });

  it('catch-all needs one segment or more; optional catch-all also matches none and comes last', () => {
    const m = matcher(['/docs/:slug+', '/:all*', '/about']);
    expect(m('/docs')).toEqual(['/:all*', { all: ['docs'] }]);
    expect(m('/docs/a')).toEqual(['/docs/:slug+', { slug: ['a'] }]);
    expect(m('/docs/a/b/c')).toEqual(['/docs/:slug+', { slug: ['a', 'b', 'c'] }]);
    expect(m('/about')).toEqual(['/about', {}]);
    expect(m('/')).toEqual(['/:all*', {}]);
    expect(m('/x/y')).toEqual(['/:all*', { all: ['x', 'y'] }]);
  });

  it('optional segments match with and without the segment', () => {
    const m = matcher(['/:lang?/about', '/:lang?']);
    expect(m('/about')).toEqual(['/:lang?/about', {}]);
    expect(m('/fr/about')).toEqual(['/:lang?/about', { lang: 'fr' }]);
    expect(m('/')).toEqual(['/:lang?', {}]);
    expect(m('/fr')).toEqual(['/:lang?', { lang: 'fr' }]);
    expect(m('/fr/de/about')).toBeUndefined();
  });

  it('params are percent-decoded per segment; an encoded slash stays inside its segment', () => {
    const m = matcher(['/u/:name', '/caf\u00e9']);
    expect(m('/u/J%C3%BCrgen')).toEqual(['/u/:name', { name: 'J\u00fcrgen' }]);
    expect(m('/u/a%2Fb')).toEqual(['/u/:name', { name: 'a/b' }]);
    expect(m('/caf%C3%A9')).toEqual(['/caf\u00e9', {}]);
  });

  it('malformed paths match nothing instead of throwing', () => {
    const m = matcher(['/u/:name', '/:x+']);
    for (const p of ['/u/%E0%A4%A', '/u/%zz', '/%', '/u/%ED%A0%80', '', 'u/x', '//', '/u//x', '//evil.example/']) {
      expect(() => m(p), p).not.toThrow();
      expect(m(p), p).toBeUndefined();
    }
  });

  it('insert reports a shape that is already taken', () => {
    const t = new SegmentTree<string>();
    expect(t.insert(parsePattern('/a/:id'), 'first')).toBeUndefined();
    expect(t.insert(parsePattern('/a/:slug'), 'second')?.value).toBe('first');
    expect(t.insert(parsePattern('/a/:rest+'), 'third')).toBeUndefined();
    expect(t.insert(parsePattern('/a/:more+'), 'fourth')?.value).toBe('third');
  });

  it('splitPath decodes segments and notes the trailing slash', () => {
    expect(splitPath('/')).toEqual({ segments: [], slash: false });
    expect(splitPath('/a/b%20c/')).toEqual({ segments: ['a', 'b c'], slash: true });
    expect(splitPath('/a//b')).toBeUndefined();
  });
});

describe('trailing slash policy', () => {
  const patterns = ['/', '/about', '/docs/:slug+'];

  it("'never' (default) redirects /about/ to /about with 308, only when the route exists", () => {
    const m = matcher(patterns);
    expect(m('/about')).toEqual(['/about', {}]);
    expect(m('/about/')).toBe('redirect 308 → /about');
    expect(m('/docs/a/b/')).toBe('redirect 308 → /docs/a/b');
    expect(m('/nope/')).toBeUndefined();
    expect(m('/')).toEqual(['/', {}]);
  });

  it("'always' redirects /about to /about/", () => {
    const m = matcher(patterns, 'always');
    expect(m('/about/')).toEqual(['/about', {}]);
    expect(m('/about')).toBe('redirect 308 → /about/');
    expect(m('/')).toEqual(['/', {}]);
  });

  it("'ignore' matches both", () => {
    const m = matcher(patterns, 'ignore');
    expect(m('/about')).toEqual(['/about', {}]);
    expect(m('/about/')).toEqual(['/about', {}]);
  });

  it('the redirect keeps the path encoded as requested', () => {
    const r = createRouter(table([page('/u/:name')])).match('/u/a%20b/');
    expect(r).toEqual({ kind: 'redirect', location: '/u/a%20b', status: 308 });
  });

  it('rejects an unknown policy', () => {
    expect(() => createRouter(table([]), { trailingSlash: 'sometimes' as never })).toThrow(/trailingSlash/);
  });
});

export type { RouteMatch };
