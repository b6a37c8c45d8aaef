/**
 * The generator on a real app (test/fixtures/routes-app): generate into a temp copy, compile it with
 * esbuild as dev/build do, load it, and check the route table and the router built from it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToString } from '../../../src/runtime/render/index.ts';
import { callApi } from '../../../src/runtime/router/api.ts';
import { runMiddleware } from '../../../src/runtime/router/middleware.ts';
import { createRouter, type RouteMatch, type Router, type RouteTable } from '../../../src/runtime/router/table.ts';
import { copyFixture, repoRoot, vangoSources, type FixtureCopy } from './fixture-copy.ts';

interface GeneratedModule {
  routeTable: RouteTable;
  href: (pattern: string, params?: Record<string, unknown>) => string;
}

let copy: FixtureCopy;
let gen: GeneratedModule;
let router: Router;

beforeAll(async () => {
  copy = copyFixture();
  const esbuild = await import('esbuild');
  const outfile = join(copy.dir, 'out', 'routes.mjs');
  await esbuild.build({
    entryPoints: [copy.generated.file],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    jsx: 'automatic',
    jsxImportSource: 'vango',
    logLevel: 'silent',
    plugins: [
      {
        name: 'vango-src',
        setup(b) {
          b.onResolve({ filter: /^vango(\/.*)?$/ }, (a) => ({ path: join(repoRoot, vangoSources[a.path]!), external: true }));
        },
      },
    ],
  });
  gen = (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as GeneratedModule;
  router = createRouter(gen.routeTable);
}, 60_000);

afterAll(() => copy?.remove());

const asMatch = (path: string): RouteMatch => {
  const m = router.match(path);
  if (!m || m.kind !== 'route') throw new Error(`${path}: expected a route, got ${JSON.stringify(m)}`);
  return m;
};

describe('routes-app: the generated table', () => {
  it('has every route with its layouts, middleware, error and not-found pages', () => {
    const rows = gen.routeTable.routes.map((r) => [r.pattern, r.file, r.layouts.map((l) => l.file).join(' > '), r.middleware.map((m) => m.file).join(' > '), r.error?.file, r.notFound?.file]);
    expect(rows).toEqual([
      ['/pricing', '(marketing)/pricing.tsx', '_layout.tsx', '', '_error.tsx', '_404.tsx'],
      ['/:lang?/contact', '[[lang]]/contact.tsx', '_layout.tsx', '', '_error.tsx', '_404.tsx'],
      ['/about', 'about.tsx', '_layout.tsx', '', '_error.tsx', '_404.tsx'],
      ['/api/health', 'api/health.ts', '_layout.tsx', '', '_error.tsx', '_404.tsx'],
      ['/docs/:slug+', 'docs/[...slug].tsx', '_layout.tsx', '', '_error.tsx', '_404.tsx'],
      ['/', 'index.tsx', '_layout.tsx', '', '_error.tsx', '_404.tsx'],
      ['/projects/:id', 'projects/[id].tsx', '_layout.tsx > projects/_layout.tsx', 'projects/_middleware.ts', '_error.tsx', 'projects/_404.tsx'],
      ['/projects', 'projects/index.tsx', '_layout.tsx > projects/_layout.tsx', 'projects/_middleware.ts', '_error.tsx', 'projects/_404.tsx'],
      ['/projects/new', 'projects/new.tsx', '_layout.tsx > projects/_layout.tsx', 'projects/_middleware.ts', '_error.tsx', 'projects/_404.tsx'],
    ]);
    expect(gen.routeTable.notFound.map((p) => [p.file, p.prefix])).toEqual([
      ['_404.tsx', '/'],
      ['projects/_404.tsx', '/projects'],
    ]);
    expect(copy.generated.changed).toBe(true);
  });
});

describe('routes-app: matching', () => {
  it('matches each URL to its route, with coerced params', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['/', '/', {}],
      ['/about', '/about', {}],
      ['/projects', '/projects', {}],
      ['/projects/new', '/projects/new', {}],
      ['/projects/7', '/projects/:id', { id: 7 }],
      ['/docs/guide/routing', '/docs/:slug+', { slug: ['guide', 'routing'] }],
      ['/pricing', '/pricing', {}],
      ['/contact', '/:lang?/contact', {}],
      ['/fr/contact', '/:lang?/contact', { lang: 'fr' }],
      ['/api/health', '/api/health', {}],
    ];
    for (const [path, pattern, params] of cases) {
      const m = asMatch(path);
      expect([m.route.pattern, m.params], path).toEqual([pattern, params]);
    }
  });

  it('bad params, unknown paths and malformed escapes are 404s with the nearest _404', () => {
    const notFound: [string, string][] = [
      ['/projects/abc', 'projects/_404.tsx'],
      ['/projects/7/edit', 'projects/_404.tsx'],
      ['/docs', '_404.tsx'],
      ['/de/contact', '_404.tsx'],
      ['/marketing/pricing', '_404.tsx'],
      ['/projects/%E0%A4%A', 'projects/_404.tsx'],
    ];
    for (const [path, page] of notFound) {
      expect(router.match(path), path).toBeUndefined();
      expect(router.notFoundFor(path)?.file, path).toBe(page);
    }
  });

  it('redirects a trailing slash to the canonical path', () => {
    expect(router.match('/projects/7/')).toEqual({ kind: 'redirect', location: '/projects/7', status: 308 });
  });
});

describe('routes-app: pages, middleware and API', () => {
  it('renders a page inside the root and projects layouts, with its params as numbers', () => {
    const html = renderToString(asMatch('/projects/7').render());
    expect(html).toMatch(/^<div id="root-layout"><nav>.*<\/nav><section id="projects-layout"><main id="project">Project 1007<\/main><\/section><\/div>$/);
    expect(renderToString(asMatch('/fr/contact').render())).toContain('<main id="contact">Contactez-nous</main>');
  });

  it('renders the not-found page inside its layouts', () => {
    expect(renderToString(router.notFoundFor('/projects/abc')!.render({ pathname: '/projects/abc' }))).toContain('<section id="projects-layout"><main id="project-not-found">');
    expect(renderToString(router.notFoundFor('/nope')!.render({ pathname: '/nope' }))).toContain('<main id="not-found">Nothing at /nope</main>');
  });

  it('head() has the layout meta and the page title', () => {
    expect(asMatch('/projects/7').head()).toEqual({ title: 'Project 7', meta: [{ name: 'description', content: 'The router fixture' }] });
    expect(asMatch('/about').head().title).toBe('About');
    expect(asMatch('/').head().title).toBe('Routes app');
  });

  it('the projects middleware guards its routes and fills locals', async () => {
    const run = async (path: string) => {
      const url = new URL(`http://app${path}`);
      const m = asMatch(url.pathname);
      const locals = new Map<string, unknown>();
      const res = await runMiddleware(m.middleware, { request: new Request(url), url, params: m.params, locals }, async () => undefined);
      return { res, locals };
    };
    const locked = await run('/projects/7?locked');
    expect([locked.res?.status, locked.res?.headers.get('location')]).toEqual([302, '/login']);
    const open = await run('/projects/7');
    expect(open.res).toBeUndefined();
    expect(open.locals.get('section')).toBe('projects');
    expect(asMatch('/about').middleware).toEqual([]);
  });

  it('the health API answers GET and HEAD, and 405 otherwise', async () => {
    const m = asMatch('/api/health');
    expect(m.route.kind).toBe('api');
    const ctx = { params: m.params, url: new URL('http://app/api/health'), locals: new Map() };
    const res = await callApi(m.route.handlers, new Request('http://app/api/health'), ctx);
    expect(await res.json()).toEqual({ ok: true });
    expect((await callApi(m.route.handlers, new Request('http://app/api/health', { method: 'POST' }), ctx)).status).toBe(405);
  });

  it('the generated href builds the URLs the router matches', () => {
    expect(gen.href('/projects/:id', { id: 7 })).toBe('/projects/7');
    expect(gen.href('/docs/:slug+', { slug: ['a b', 'c'] })).toBe('/docs/a%20b/c');
    expect(gen.href('/:lang?/contact')).toBe('/contact');
    expect(gen.href('/:lang?/contact', { lang: 'fr' })).toBe('/fr/contact');
    expect(asMatch(gen.href('/docs/:slug+', { slug: ['a b', 'c'] })).params).toEqual({ slug: ['a b', 'c'] });
    expect(() => gen.href('/projects/:id', {})).toThrow(/missing param id/);
  });
});
