import { describe, expect, it } from 'vitest';
import { signal } from '../../../src/runtime/reactive/index.ts';
import { renderToString } from '../../../src/runtime/render/index.ts';
import { callApi } from '../../../src/runtime/router/api.ts';
import { RouteRule } from '../../../src/runtime/router/errors.ts';
import { redirect, runMiddleware, type Middleware, type MiddlewareContext } from '../../../src/runtime/router/middleware.ts';
import { createRouter, type RouteDef, type RouteMatch } from '../../../src/runtime/router/table.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import type { Component, VNode } from '../../../src/runtime/vdom/vnode.ts';
import { comp, layout, mw, page, routeError, special, table } from './helpers.ts';

const asMatch = (m: ReturnType<ReturnType<typeof createRouter>['match']>): RouteMatch => {
  if (!m || m.kind !== 'route') throw new Error(`expected a route match, got ${JSON.stringify(m)}`);
  return m;
};

function ctxFor(path: string, params: Record<string, unknown> = {}): MiddlewareContext {
  const url = new URL(`http://x${path}`);
  return { request: new Request(url), url, params, locals: new Map() };
}

describe('layouts', () => {
  const root = layout('_layout.tsx', 'Root');
  const projects = layout('projects/_layout.tsx', 'Projects');
  const router = createRouter(
    table([page('/projects/:id', { layouts: [root, projects], module: { default: comp('Project') } }), page('/about', { layouts: [root] })], { layouts: [root, projects] }),
  );

  it('the match lists them outermost first', () => {
    const m = asMatch(router.match('/projects/3'));
    expect(m.layouts.map((c) => c.name)).toEqual(['Root', 'Projects']);
  });

  it('render() nests the page inside them, outermost first, each with the params', () => {
    const m = asMatch(router.match('/projects/3'));
    const html = renderToString(m.render());
    expect(html).toBe('<div id="Root"><div id="Projects"><div id="Project">{"id":"3"}</div></div></div>');
    const seen: unknown[] = [];
    const spy: Component = (p: { params: unknown; children?: unknown; who?: string }) => (seen.push([p.params, p.who]), h('i', null, p.children as never));
    const r = createRouter(table([page('/x/:a', { layouts: [{ file: 'l', module: { default: spy } }], module: { default: spy } })]));
    renderToString(asMatch(r.match('/x/1')).render(undefined, { who: 'extra' }));
    expect(seen).toEqual([
      [{ a: '1' }, 'extra'],
      [{ a: '1' }, 'extra'],
    ]);
  });

  it('render() builds plain vnodes: h(Layout, { children: h(Page, { params, key }) })', () => {
    const m = asMatch(router.match('/projects/3'));
    const v = m.render() as VNode & { type: Component; props: { children: VNode & { type: Component; props: { children: VNode & { key: string } } } } };
    expect(v.type.name).toBe('Root');
    expect(v.props.children.type.name).toBe('Projects');
    expect(v.props.children.props.children.key).toContain('/projects/:id');
  });

  it('a navigation keeps shared layouts mounted with their state, and remounts the page for other params', () => {
    let layoutMounts = 0;
    let pageMounts = 0;
    const Shell: Component = (p: { children?: unknown }) => {
      const clicks = signal(0);
      if (clicks.peek() === 0) layoutMounts++;
      clicks.set(clicks.peek() + 1);
      return h('div', { id: 'shell' }, p.children as never);
    };
    const Page: Component = (p: { params: { id: string } }) => {
      const first = signal(true);
      if (first.peek()) pageMounts++;
      first.set(false);
      return h('p', null, `project ${p.params.id}`);
    };
    const shell = { file: '_layout.tsx', module: { default: Shell } };
    const r = createRouter(table([page('/p/:id', { layouts: [shell], module: { default: Page } }), page('/about', { layouts: [shell] })]));

    const current = signal<VNode>(asMatch(r.match('/p/1')).render());
    const top: Component = () => current.get();
    const dom = new Root();
    dom.mount(h(top, null));
    expect([layoutMounts, pageMounts]).toEqual([1, 1]);

    current.set(asMatch(r.match('/p/2')).render());
    dom.flush();
    expect([layoutMounts, pageMounts]).toEqual([1, 2]);

    current.set(asMatch(r.match('/p/2')).render());
    dom.flush();
    expect([layoutMounts, pageMounts]).toEqual([1, 2]);

    current.set(asMatch(r.match('/about')).render());
    const patches = dom.flush();
    expect(layoutMounts).toBe(1);
    expect(JSON.stringify(patches)).toContain('/about');
  });

  it('render() of an API route throws', () => {
    const r = createRouter(table([{ pattern: '/api/x', file: 'api/x.ts', api: true, module: { GET: () => new Response('x') }, layouts: [], middleware: [] }]));
    expect(() => asMatch(r.match('/api/x')).render()).toThrow(/API route/);
  });
});

describe('middleware', () => {
  it('runs outermost first, then the route; each next() continues', async () => {
    const log: string[] = [];
    const chain: Middleware[] = [
      async (_c, next) => {
        log.push('outer in');
        const r = await next();
        log.push('outer out');
        return r;
      },
      (c) => {
        log.push('inner');
        c.locals.set('user', 'ada');
      },
    ];
    const ctx = ctxFor('/p');
    const res = await runMiddleware(chain, ctx, async () => {
      log.push(`route sees ${String(ctx.locals.get('user'))}`);
      return undefined;
    });
    expect(res).toBeUndefined();
    expect(log).toEqual(['outer in', 'inner', 'route sees ada', 'outer out']);
  });

  it('a returned Response short-circuits: later middleware and the route do not run', async () => {
    const log: string[] = [];
    const chain: Middleware[] = [
      () => {
        log.push('auth');
        return redirect('/login');
      },
      () => {
        log.push('never');
      },
    ];
    const res = await runMiddleware(chain, ctxFor('/p'), async () => {
      log.push('route');
      return new Response('page');
    });
    expect(res?.status).toBe(302);
    expect(res?.headers.get('location')).toBe('/login');
    expect(log).toEqual(['auth']);
  });

  it('a middleware may replace the response next() gave it', async () => {
    const res = await runMiddleware(
      [async (_c, next) => {
        const r = await next();
        return new Response(`wrapped ${await r!.text()}`, { status: 201 });
      }],
      ctxFor('/'),
      async () => new Response('inner'),
    );
    expect(res!.status).toBe(201);
    expect(await res!.text()).toBe('wrapped inner');
  });

  it('next() twice and a non-Response return value are errors', async () => {
    await expect(runMiddleware([async (_c, next) => (await next(), next())], ctxFor('/'), async () => undefined)).rejects.toThrow(/twice/);
    await expect(runMiddleware([() => 'nope' as never], ctxFor('/'), async () => undefined)).rejects.toThrow(/returned string/);
  });

  it('the match carries the chain of its route, outermost first', () => {
    const a: Middleware = () => {};
    const b: Middleware = () => {};
    const r = createRouter(table([page('/x', { middleware: [mw('_middleware.ts', a), mw('x/_middleware.ts', b)] })]));
    expect(asMatch(r.match('/x')).middleware).toEqual([a, b]);
  });

  it('redirect() builds a bodyless response and checks its status', () => {
    const r = redirect('/there', 307);
    expect([r.status, r.headers.get('location'), r.body]).toEqual([307, '/there', null]);
    expect(() => redirect('/x', 200 as never)).toThrow(RangeError);
  });
});

describe('error and not-found pages', () => {
  const rootLayout = layout('_layout.tsx', 'Root');
  const projLayout = layout('projects/_layout.tsx', 'Projects');
  const rootErr = special('_error.tsx', '/', [rootLayout], 'RootError');
  const root404 = special('_404.tsx', '/', [rootLayout], 'Root404');
  const proj404 = special('projects/_404.tsx', '/projects', [rootLayout, projLayout], 'Projects404');
  const lang404 = special('[lang]/_404.tsx', '/:lang', [rootLayout], 'Lang404');
  const group404 = special('(shop)/_404.tsx', '/', [rootLayout], 'Shop404');
  const docs404 = special('docs/[...slug]/_404.tsx', '/docs/:slug+', [], 'Docs404');
  const router = createRouter(
    table(
      [
        page('/projects/:id', { layouts: [rootLayout, projLayout], error: rootErr, notFound: proj404 }),
        page('/cart', { layouts: [rootLayout], error: rootErr, notFound: group404 }),
      ],
      { layouts: [rootLayout, projLayout], errors: [rootErr], notFound: [group404, root404, proj404, lang404, docs404] },
    ),
  );
  const name = (p: { component: Component } | undefined) => p?.component.name;

  it('a matched route carries its nearest _error and _404', () => {
    const m = asMatch(router.match('/projects/1'));
    expect(name(m.error)).toBe('RootError');
    expect(name(m.notFound)).toBe('Projects404');
    expect(name(asMatch(router.match('/cart')).notFound)).toBe('Shop404');
  });

  it('notFoundFor picks the page whose folder covers most of the path, static before dynamic', () => {
    expect(name(router.notFoundFor('/projects/1/nope'))).toBe('Projects404');
    expect(name(router.notFoundFor('/projects'))).toBe('Projects404');
    expect(name(router.notFoundFor('/fr/nope'))).toBe('Lang404');
    expect(name(router.notFoundFor('/'))).toBe('Root404');
    expect(name(router.notFoundFor('/docs/a/b'))).toBe('Docs404');
    expect(name(router.notFoundFor('/docs'))).toBe('Lang404');
  });

  it('a group folder _404 does not shadow the root one for unmatched paths', () => {
    expect(name(router.notFoundFor('/'))).toBe('Root404');
  });

  it('notFoundFor survives malformed paths', () => {
    expect(name(router.notFoundFor('/projects/%E0%A4%A'))).toBe('Projects404');
    expect(name(router.notFoundFor(''))).toBe('Root404');
  });

  it('errorFor picks the same way; undefined without any page', () => {
    expect(name(router.errorFor('/anything/here'))).toBe('RootError');
    expect(createRouter(table([])).notFoundFor('/x')).toBeUndefined();
  });

  it('special pages render inside their layouts, or alone on request', () => {
    const p = router.notFoundFor('/projects/x')!;
    expect(renderToString(p.render({ pathname: '/projects/x' }))).toBe('<div id="Root"><div id="Projects"><div id="Projects404">{}</div></div></div>');
    expect(renderToString(p.render({}, { layouts: false }))).toBe('<div id="Projects404">{}</div>');
    const errorProps: unknown[] = [];
    const E: Component = (props) => (errorProps.push(props), 'oops');
    const r = createRouter(table([], { errors: [{ file: '_error.tsx', prefix: '/', module: { default: E }, layouts: [] }] }));
    expect(renderToString(r.errorFor('/')!.render({ error: 'x', status: 500 }))).toBe('oops');
    expect(errorProps).toEqual([{ error: 'x', status: 500, params: {} }]);
    renderToString(r.errorFor('/')!.render({ error: 'y', status: 503, params: { id: 1 } }));
    expect(errorProps[1]).toEqual({ error: 'y', status: 503, params: { id: 1 } });
  });
});

describe('API routes', () => {
  const api = (pattern: string, module: RouteDef['module'], extra: Partial<RouteDef> = {}): RouteDef => ({ pattern, file: `api${pattern}.ts`, api: true, module, layouts: [], middleware: [], ...extra });
  const ctx = (params = {}) => ({ params, url: new URL('http://x/'), locals: new Map() });

  it('a module exporting handlers is an API route, wherever it lives', () => {
    const r = createRouter(table([api('/api/items/:id', { GET: () => new Response('one'), params: { id: 'int' } }), page('/feed.xml', { module: { default: undefined, GET: () => new Response('<rss/>') } })]));
    const m = asMatch(r.match('/api/items/5'));
    expect([m.route.kind, m.params, m.route.allow]).toEqual(['api', { id: 5 }, ['GET', 'HEAD', 'OPTIONS']]);
    expect(asMatch(r.match('/feed.xml')).route.kind).toBe('api');
    expect(r.match('/api/items/five')).toBeUndefined();
  });

  it('callApi dispatches on the method, with HEAD from GET, OPTIONS and 405', async () => {
    const handlers = {
      GET: (_req: Request, c: { params: Record<string, unknown> }) => Response.json({ got: c.params }, { headers: { 'x-a': '1' } }),
      POST: async (req: Request) => new Response(`posted ${await req.text()}`, { status: 201 }),
    };
    const get = await callApi(handlers, new Request('http://x/', { method: 'GET' }), ctx({ id: 1 }));
    expect(await get.json()).toEqual({ got: { id: 1 } });
    const post = await callApi(handlers, new Request('http://x/', { method: 'POST', body: 'b' }), ctx());
    expect([post.status, await post.text()]).toEqual([201, 'posted b']);
    const head = await callApi(handlers, new Request('http://x/', { method: 'HEAD' }), ctx());
    expect([head.status, head.headers.get('x-a'), head.body]).toEqual([200, '1', null]);
    const options = await callApi(handlers, new Request('http://x/', { method: 'OPTIONS' }), ctx());
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, POST, OPTIONS']);
    const del = await callApi(handlers, new Request('http://x/', { method: 'DELETE' }), ctx());
    expect([del.status, del.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST, OPTIONS']);
  });
});

describe('meta', () => {
  it('head() merges layout meta then page meta; title functions get the coerced params', () => {
    const root = { file: '_layout.tsx', module: { default: comp('L'), meta: { title: 'Site', meta: [{ name: 'description', content: 'site' }] } } };
    const r = createRouter(
      table([page('/p/:id', { layouts: [root], module: { params: { id: 'int' }, meta: { title: (p: { id: number }) => `Project ${p.id + 1}`, meta: [{ property: 'og:type', content: 'article' }] } } }), page('/plain', { layouts: [root] })]),
    );
    expect(asMatch(r.match('/p/41')).head()).toEqual({
      title: 'Project 42',
      meta: [
        { name: 'description', content: 'site' },
        { property: 'og:type', content: 'article' },
      ],
    });
    expect(asMatch(r.match('/plain')).head()).toEqual({ title: 'Site', meta: [{ name: 'description', content: 'site' }] });
  });
});

describe('createRouter validation', () => {
  it('a page without a default component', () => {
    const e = routeError(() => createRouter(table([{ pattern: '/x', file: 'x.tsx', module: {}, layouts: [], middleware: [] }])));
    expect([e.file, e.rule]).toEqual(['x.tsx', RouteRule.MissingDefault]);
  });

  it('a layout, error or not-found page without a default component', () => {
    expect(routeError(() => createRouter(table([], { layouts: [{ file: '_layout.tsx', module: {} }] }))).rule).toBe(RouteRule.MissingDefault);
    expect(routeError(() => createRouter(table([], { notFound: [{ file: '_404.tsx', prefix: '/', module: { default: 'x' as never }, layouts: [] }] }))).rule).toBe(RouteRule.MissingDefault);
  });

  it('a middleware whose default is not a function', () => {
    const e = routeError(() => createRouter(table([], { middleware: [{ file: '_middleware.ts', module: { default: 42 as never } }] })));
    expect([e.file, e.rule]).toEqual(['_middleware.ts', RouteRule.BadMiddleware]);
  });

  it('an api/ module without handlers, and a module with both a page and handlers', () => {
    expect(routeError(() => createRouter(table([{ pattern: '/api/x', file: 'api/x.ts', api: true, module: { default: comp('x') }, layouts: [], middleware: [] }]))).rule).toBe(RouteRule.NoHandlers);
    expect(routeError(() => createRouter(table([page('/x', { module: { POST: () => new Response() } })]))).rule).toBe(RouteRule.MixedRoute);
  });

  it('two routes with the same shape, or one whose optional segments collide', () => {
    const dup = routeError(() => createRouter(table([page('/a/:id', { file: 'a/[id].tsx' }), page('/a/:slug', { file: 'a/[slug].tsx' })])));
    expect([dup.file, dup.rule]).toEqual(['a/[slug].tsx', RouteRule.DuplicateRoute]);
    expect(dup.message).toContain('a/[id].tsx');
    expect(routeError(() => createRouter(table([page('/:a?/:b?')]))).rule).toBe(RouteRule.AmbiguousOptional);
  });

  it('a params export that names a missing param or has a bad value', () => {
    expect(routeError(() => createRouter(table([page('/a/:id', { module: { params: { ids: 'int' } } })]))).rule).toBe(RouteRule.UnknownParam);
    expect(routeError(() => createRouter(table([page('/a/:id', { module: { params: { id: 'number' as never } } })]))).rule).toBe(RouteRule.BadParamSpec);
  });
});
