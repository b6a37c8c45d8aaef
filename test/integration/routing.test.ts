/**
 * The file router in the app server, over real HTTP: test/fixtures/routes-app copied to test/.tmp/ with
 * a few extra routes (a page that throws, a page and an API route reading middleware locals), its
 * routes generated, the generated table imported (vitest compiles the .tsx route modules) and served.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRoutes } from '../../src/codegen/routes/generate.ts';
import { createApp, serve, type Served } from '../../src/runtime/node/index.ts';
import type { RouteTable } from '../../src/runtime/router/table.ts';
import { fixtureDir, repoRoot } from '../unit/router/fixture-copy.ts';

const extra: Record<string, string> = {
  'boom.tsx': `export default function Boom(): never { throw new Error('kaboom in render'); }\n`,
  'projects/section.tsx': `export default function Section({ locals }: { locals: Map<string, unknown> }) {\n  return <main id="section">section={String(locals.get('section'))}</main>;\n}\n`,
  'projects/feed.ts': [
    `export function GET(_r: Request, ctx: { locals: Map<string, unknown> }) { return Response.json({ method: 'GET', section: ctx.locals.get('section') }); }`,
    `export async function POST(r: Request, ctx: { locals: Map<string, unknown> }) { return Response.json({ method: 'POST', body: await r.text(), section: ctx.locals.get('section') }, { status: 201 }); }`,
    '',
  ].join('\n'),
};

let dir: string;
let prod: Served;
let dev: Served;
const errors: string[] = [];

beforeAll(async () => {
  const base = join(repoRoot, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  dir = mkdtempSync(join(base, 'routing-app-'));
  cpSync(fixtureDir, dir, { recursive: true, filter: (src) => !src.includes(join('app', '.vango')) });
  for (const [file, src] of Object.entries(extra)) writeFileSync(join(dir, 'app', 'routes', file), src);
  const gen = generateRoutes(dir);
  const { routeTable } = (await import(/* @vite-ignore */ pathToFileURL(gen.file).href)) as { routeTable: RouteTable };
  const quiet = { sessions: { sweepInterval: 0, onError: (e: unknown) => void errors.push(String(e)) }, onError: (e: unknown) => void errors.push(String(e)) };
  prod = await serve(createApp({ routeTable, ...quiet }), { port: 0 });
  dev = await serve(createApp({ routeTable, dev: true, ...quiet }), { port: 0 });
}, 60_000);

afterAll(async () => {
  await prod?.close(50);
  await dev?.close(50);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(prod.url + path, { redirect: 'manual', ...init });
/** The id of every app element (not the document's own) in the order they open, e.g. `root-layout > projects-layout > project`. */
const ids = (html: string) => [...html.matchAll(/<(?:div|section|main)[^>]* id="([^"]+)"/g)].map((m) => m[1]).filter((id) => !id!.startsWith('vango-')).join(' > ');

describe('pages', () => {
  it('renders a page inside its layouts, outermost first, with its meta, status 200', async () => {
    const res = await get('/projects/7');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(ids(html)).toBe('root-layout > projects-layout > project');
    expect(html).toContain('Project 1007'); // id coerced to a number: 7 + 1000
    expect(html).toContain('<title>Project 7</title>');
    expect(html).toMatch(/<meta name="description" content="The router fixture"/);
    expect(html).toContain('"sid":');
  });

  it('root pages get the root layout and its title; a static route beats a param', async () => {
    const home = await get('/');
    const html = await home.text();
    expect(home.status).toBe(200);
    expect(ids(html)).toBe('root-layout > home');
    expect(html).toContain('<title>Routes app</title>');
    expect(ids(await (await get('/projects/new')).text())).toBe('root-layout > projects-layout > new-project');
    expect(ids(await (await get('/pricing')).text())).toBe('root-layout > pricing');
  });

  it('passes catch-all and optional params', async () => {
    const doc = await get('/docs/guide/intro');
    expect(doc.status).toBe(200);
    expect(await doc.text()).toContain('guide &gt; intro');
    expect(await (await get('/fr/contact')).text()).toContain('Contactez-nous');
    expect(await (await get('/contact')).text()).toContain('Contact us');
  });

  it('HEAD answers the headers without a body; other methods on a page get 405', async () => {
    const head = await get('/about', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('/about', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('not found and errors', () => {
  it('a param that fails coercion is the nearest _404 with status 404', async () => {
    const res = await get('/projects/abc');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(ids(html)).toBe('root-layout > projects-layout > project-not-found');
  });

  it('an unmatched path is the root _404 with status 404', async () => {
    const res = await get('/no/such/page');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Nothing at /no/such/page');
    expect((await get('/other', { method: 'POST' })).status).toBe(404);
  });

  it('a malformed path is a 404, never a 500', async () => {
    expect((await get('/projects/%zz')).status).toBe(404);
    expect((await get('/a//b')).status).toBe(404);
  });

  it('a page that throws renders the _error page with status 500, receiving the error', async () => {
    errors.length = 0;
    const res = await get('/boom');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(ids(html)).toBe('root-layout > error');
    expect(html).toContain('kaboom in render');
    expect(errors.join('\n')).toContain('kaboom in render');
  });

  it('dev mode renders the same error page', async () => {
    const res = await fetch(dev.url + '/boom');
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('Error 500: kaboom in render');
  });
});

describe('redirects, middleware and API routes', () => {
  it('redirects a trailing slash with 308, keeping the query string', async () => {
    const res = await get('/about/?a=1&b=2');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/about?a=1&b=2');
    const post = await get('/projects/feed/', { method: 'POST' });
    expect(post.status).toBe(308);
    expect(post.headers.get('location')).toBe('/projects/feed');
  });

  it('middleware short-circuits pages and API routes with its redirect', async () => {
    for (const [path, method] of [['/projects/7?locked', 'GET'], ['/projects/feed?locked', 'POST']] as const) {
      const res = await get(path, { method });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/login');
    }
  });

  it('middleware locals reach the page', async () => {
    const res = await get('/projects/section');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('section=projects');
  });

  it('API routes answer every method with a standard Response, after the middleware', async () => {
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const g = await get('/projects/feed');
    expect(await g.json()).toEqual({ method: 'GET', section: 'projects' });
    const p = await get('/projects/feed', { method: 'POST', body: 'hello' });
    expect(p.status).toBe(201);
    expect(await p.json()).toEqual({ method: 'POST', body: 'hello', section: 'projects' });
    const del = await get('/api/health', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const opt = await get('/api/health', { method: 'OPTIONS' });
    expect(opt.status).toBe(204);
  });
});
