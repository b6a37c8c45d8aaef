import { describe, expect, it } from 'vitest';
import { scanRoutes } from '../../../src/codegen/routes/scan.ts';
import { classifyFile } from '../../../src/codegen/routes/names.ts';
import { RouteRule } from '../../../src/runtime/router/errors.ts';
import { appTree, routeError } from './helpers.ts';

const patterns = (files: string[]) => Object.fromEntries(scanRoutes(appTree(files)).routes.map((r) => [r.file, r.pattern]));

describe('file names → URL patterns', () => {
  it('maps index, plain, nested, param, catch-all, optional and group names', () => {
    expect(
      patterns([
        'index.tsx',
        'about.tsx',
        'projects/index.tsx',
        'projects/[id].tsx',
        'projects/[id]/edit.tsx',
        'docs/[...slug].tsx',
        'files/[[...path]].tsx',
        '[[lang]]/contact.tsx',
        '(marketing)/pricing.tsx',
        '(marketing)/(deep)/team/index.tsx',
        'sitemap.xml.ts',
      ]),
    ).toEqual({
      'index.tsx': '/',
      'about.tsx': '/about',
      'projects/index.tsx': '/projects',
      'projects/[id].tsx': '/projects/:id',
      'projects/[id]/edit.tsx': '/projects/:id/edit',
      'docs/[...slug].tsx': '/docs/:slug+',
      'files/[[...path]].tsx': '/files/:path*',
      '[[lang]]/contact.tsx': '/:lang?/contact',
      '(marketing)/pricing.tsx': '/pricing',
      '(marketing)/(deep)/team/index.tsx': '/team',
      'sitemap.xml.ts': '/sitemap.xml',
    });
  });

  it('ignores tests, specs, declarations, dotfiles, non-TS files, private _files and _folders', () => {
    expect(
      patterns(['index.tsx', 'index.test.tsx', 'about.spec.ts', 'types.d.ts', '.hidden.tsx', 'notes.md', 'style.css', '_helpers.ts', '_components/Button.tsx', '.cache/x.tsx', 'node_modules/x/index.ts', 'script.js']),
    ).toEqual({ 'index.tsx': '/' });
    expect(classifyFile('_layout.tsx')).toEqual({ role: 'special', kind: 'layout', stem: '_layout' });
    expect(classifyFile('_404.ts')).toEqual({ role: 'special', kind: 'notFound', stem: '_404' });
    expect(classifyFile('page.tsx')).toEqual({ role: 'route', stem: 'page' });
  });

  it('records params kinds and marks api/ routes', () => {
    const m = scanRoutes(appTree(['api/items/[id].ts', 'api/index.ts', 'apis.tsx', '[[lang]]/docs/[...slug].tsx']));
    const byFile = Object.fromEntries(m.routes.map((r) => [r.file, r]));
    expect(byFile['api/items/[id].ts']).toMatchObject({ api: true, params: { id: 'one' } });
    expect(byFile['api/index.ts']!.api).toBe(true);
    expect(byFile['apis.tsx']!.api).toBe(false);
    expect(byFile['[[lang]]/docs/[...slug].tsx']!.params).toEqual({ lang: 'optional', slug: 'many' });
  });
});

describe('layouts, middleware, _error and _404', () => {
  const m = () =>
    scanRoutes(
      appTree([
        '_layout.tsx',
        '_middleware.ts',
        '_error.tsx',
        '_404.tsx',
        'index.tsx',
        'projects/_layout.tsx',
        'projects/_middleware.ts',
        'projects/_404.tsx',
        'projects/[id]/_layout.tsx',
        'projects/[id]/index.tsx',
        '(shop)/_layout.tsx',
        '(shop)/_error.tsx',
        '(shop)/cart.tsx',
        '[[lang]]/_404.tsx',
        '[[lang]]/about.tsx',
      ]),
    );

  it('each route gets the layouts and middleware of its folder and every folder above, outermost first', () => {
    const r = Object.fromEntries(m().routes.map((x) => [x.file, x]));
    expect(r['projects/[id]/index.tsx']!.layouts).toEqual(['_layout.tsx', 'projects/_layout.tsx', 'projects/[id]/_layout.tsx']);
    expect(r['projects/[id]/index.tsx']!.middleware).toEqual(['_middleware.ts', 'projects/_middleware.ts']);
    expect(r['(shop)/cart.tsx']!.layouts).toEqual(['_layout.tsx', '(shop)/_layout.tsx']);
    expect(r['index.tsx']!.layouts).toEqual(['_layout.tsx']);
    expect(r['index.tsx']!.middleware).toEqual(['_middleware.ts']);
  });

  it('each route gets the nearest _error and _404', () => {
    const r = Object.fromEntries(m().routes.map((x) => [x.file, x]));
    expect([r['projects/[id]/index.tsx']!.error, r['projects/[id]/index.tsx']!.notFound]).toEqual(['_error.tsx', 'projects/_404.tsx']);
    expect([r['(shop)/cart.tsx']!.error, r['(shop)/cart.tsx']!.notFound]).toEqual(['(shop)/_error.tsx', '_404.tsx']);
    expect(r['[[lang]]/about.tsx']!.notFound).toEqual('[[lang]]/_404.tsx');
  });

  it('special pages know the URL prefix of their folder and their layouts', () => {
    const x = m();
    expect(x.notFound.map((s) => [s.file, s.prefix, s.layouts])).toEqual([
      ['[[lang]]/_404.tsx', '/:lang?', ['_layout.tsx']],
      ['_404.tsx', '/', ['_layout.tsx']],
      ['projects/_404.tsx', '/projects', ['_layout.tsx', 'projects/_layout.tsx']],
    ]);
    expect(x.errors.map((s) => [s.file, s.prefix])).toEqual([
      ['(shop)/_error.tsx', '/'],
      ['_error.tsx', '/'],
    ]);
    expect(x.layouts.map((l) => [l.file, l.dir])).toEqual([
      ['(shop)/_layout.tsx', '(shop)'],
      ['_layout.tsx', ''],
      ['projects/[id]/_layout.tsx', 'projects/[id]'],
      ['projects/_layout.tsx', 'projects'],
    ]);
  });
});

describe('invalid names: a RouteError naming the file and the rule', () => {
  const fails = (files: string[]) => routeError(() => scanRoutes(appTree(files)));
  const cases: [string, string[], string, string][] = [
    ['an unclosed bracket', ['[id.tsx'], '[id.tsx', RouteRule.UnclosedBracket],
    ['a closing bracket without an opening one', ['id].tsx'], 'id].tsx', RouteRule.UnclosedBracket],
    ['an unclosed optional bracket', ['[[id].tsx'], '[[id].tsx', RouteRule.UnclosedBracket],
    ['an unclosed group folder', ['(marketing/pricing.tsx'], '(marketing', RouteRule.UnclosedBracket],
    ['an empty param', ['[].tsx'], '[].tsx', RouteRule.EmptyParam],
    ['a catch-all without a name', ['docs/[...].tsx'], 'docs/[...].tsx', RouteRule.EmptyParam],
    ['an optional catch-all without a name', ['[[...]].tsx'], '[[...]].tsx', RouteRule.EmptyParam],
    ['an empty group', ['()/x.tsx'], '()', RouteRule.EmptyParam],
    ['a catch-all with two dots', ['[..slug].tsx'], '[..slug].tsx', RouteRule.BadCatchAll],
    ['a catch-all with four dots', ['[....slug].tsx'], '[....slug].tsx', RouteRule.BadCatchAll],
    ['a param name that is not an identifier', ['[my-id].tsx'], '[my-id].tsx', RouteRule.BadParamName],
    ['a param name starting with a digit', ['[1st].tsx'], '[1st].tsx', RouteRule.BadParamName],
    ['a reserved param name', ['[__proto__].tsx'], '[__proto__].tsx', RouteRule.BadParamName],
    ['a partly dynamic segment', ['post-[id].tsx'], 'post-[id].tsx', RouteRule.PartialSegment],
    ['a static segment with a space', ['a b.tsx'], 'a b.tsx', RouteRule.BadStaticSegment],
    ['a static segment with a percent sign', ['a%20b.tsx'], 'a%20b.tsx', RouteRule.BadStaticSegment],
    ['a static segment with a colon', ['a:b.tsx'], 'a:b.tsx', RouteRule.BadStaticSegment],
    ['a group as a file', ['(marketing).tsx'], '(marketing).tsx', RouteRule.GroupFile],
    ['two catch-alls', ['[...a]/[...b].tsx'], '[...a]/[...b].tsx', RouteRule.MultipleCatchAll],
    ['a catch-all folder followed by a segment', ['docs/[...slug]/edit.tsx'], 'docs/[...slug]/edit.tsx', RouteRule.CatchAllNotLast],
    ['the same param name twice', ['[id]/[id].tsx'], '[id]/[id].tsx', RouteRule.DuplicateParam],
    ['a/index.tsx and a.tsx', ['a.tsx', 'a/index.tsx'], 'a/index.tsx', RouteRule.DuplicateRoute],
    ['two params at the same place', ['p/[id].tsx', 'p/[slug].tsx'], 'p/[slug].tsx', RouteRule.DuplicateRoute],
    ['the same URL in two groups', ['(a)/x.tsx', '(b)/x.tsx'], '(b)/x.tsx', RouteRule.DuplicateRoute],
    ['an optional segment overlapping a plain route', ['[[lang]]/about.tsx', 'about.tsx'], 'about.tsx', RouteRule.DuplicateRoute],
    ['an optional catch-all overlapping index', ['index.tsx', '[[...all]].tsx'], 'index.tsx', RouteRule.DuplicateRoute],
    ['one file whose optional segments collide', ['[[a]]/[[b]].tsx'], '[[a]]/[[b]].tsx', RouteRule.AmbiguousOptional],
    ['_layout.ts next to _layout.tsx', ['_layout.ts', '_layout.tsx', 'index.tsx'], '_layout.tsx', RouteRule.DuplicateSpecial],
  ];
  for (const [what, files, file, rule] of cases) {
    it(`${what} (${rule})`, () => {
      const e = fails(files);
      expect([e.file, e.rule]).toEqual([file, rule]);
      expect(e.message).toContain(file);
      expect(e.message).toContain(rule);
    });
  }

  it('every problem of a tree is reported at once, in file order', () => {
    const e = fails(['[id.tsx', 'ok.tsx', 'z/[..x].tsx', 'a b.tsx']);
    expect(e.all.map((x) => [x.file, x.rule])).toEqual([
      ['[id.tsx', RouteRule.UnclosedBracket],
      ['a b.tsx', RouteRule.BadStaticSegment],
      ['z/[..x].tsx', RouteRule.BadCatchAll],
    ]);
  });

  it('no app/routes folder', () => {
    const root = appTree([]);
    expect(routeError(() => scanRoutes(root, { routesDir: 'nowhere' })).rule).toBe(RouteRule.NoRoutesDir);
  });
});
