/**
 * `serve(app, { publicDir })`: files from a temp public folder over real HTTP, before the app's pages.
 * Traversal attempts are sent with node:http so the raw path reaches the server un-normalised
 * (fetch would resolve `..` and `%2e%2e` on the client side).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h } from '../../src/runtime/vdom/h.ts';
import { createApp, serve, type Served } from '../../src/runtime/node/index.ts';
import { parseStaticPath } from '../../src/runtime/node/static.ts';

const SECRET = 'outside-secret-7f3a';
let root: string;
let srv: Served;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vango-static-'));
  const pub = join(root, 'public');
  mkdirSync(join(pub, 'a', 'sub'), { recursive: true });
  writeFileSync(join(pub, 'style.css'), 'body{color:red}');
  writeFileSync(join(pub, 'a', 'data.json'), '{"ok":true}');
  writeFileSync(join(pub, 'blob.bin'), new Uint8Array([1, 2, 3]));
  writeFileSync(join(root, 'package.json'), SECRET);
  writeFileSync(join(root, 'x'), SECRET);
  symlinkSync(join(root, 'package.json'), join(pub, 'leak.txt'));
  symlinkSync(join(pub, 'style.css'), join(pub, 'inside.css'));
  const Home = () => h('main', { id: 'home' }, 'home page');
  const Docs = () => h('main', { id: 'docs' }, 'docs page');
  srv = await serve(createApp({ routes: { '/': Home, '/docs': Docs, '/a': Docs } }), { port: 0, publicDir: pub });
});

afterAll(async () => {
  await srv?.close(50);
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A request with the path sent exactly as given. */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves a file with its content type and caching headers', async () => {
    const res = await fetch(srv.url + '/style.css?v=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(await res.text()).toBe('body{color:red}');
    const json = await fetch(srv.url + '/a/data.json');
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual({ ok: true });
    const bin = await fetch(srv.url + '/blob.bin');
    expect(bin.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await bin.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('answers 304 when If-None-Match carries the etag', async () => {
    const etag = (await fetch(srv.url + '/style.css')).headers.get('etag')!;
    const res = await fetch(srv.url + '/style.css', { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await res.text()).toBe('');
    const other = await fetch(srv.url + '/style.css', { headers: { 'if-none-match': '"nope"' } });
    expect(other.status).toBe(200);
  });

  it('HEAD has the headers and no body', async () => {
    const res = await raw('/style.css', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('body{color:red}'.length));
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.body).toBe('');
  });

  it('serves a symlink that stays inside the folder', async () => {
    const res = await raw('/inside.css');
    expect(res.status).toBe(200);
    expect(res.body).toBe('body{color:red}');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/a/..%5c..%5cx',
    '/a/../../x',
    '/leak.txt',
    '/%2fetc%2fpasswd',
    '/style.css%00.txt',
  ])('never serves %s', async (path) => {
    const res = await raw(path);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('body{color:red}');
  });

  it('answers 400 to a malformed escape', async () => {
    expect((await raw('/%zz.css')).status).toBe(400);
    expect((await raw('/a/%E0%A4%A')).status).toBe(400);
  });

  it('lets missing files, directories and other methods fall through to the app', async () => {
    const docs = await fetch(srv.url + '/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('docs page');
    const dir = await fetch(srv.url + '/a');
    expect(await dir.text()).toContain('docs page');
    const home = await fetch(srv.url + '/');
    expect(await home.text()).toContain('home page');
    const missing = await fetch(srv.url + '/missing.css');
    expect(missing.status).toBe(404);
    // The app's own 404 page, not a bare answer from the static handler.
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(missing.headers.get('etag')).toBeNull();
    const post = await fetch(srv.url + '/style.css', { method: 'POST', body: 'x' });
    expect(await post.text()).not.toBe('body{color:red}');
  });
});

describe('parseStaticPath', () => {
  it('decodes segments and classifies what it refuses', () => {
    expect(parseStaticPath('/a/b%20c.txt')).toEqual({ kind: 'ok', segments: ['a', 'b c.txt'] });
    expect(parseStaticPath('/a/../b')).toEqual({ kind: 'traversal' });
    expect(parseStaticPath('/%2e%2e/b')).toEqual({ kind: 'traversal' });
    expect(parseStaticPath('/%2e/b')).toEqual({ kind: 'traversal' });
    expect(parseStaticPath('/a%2fb')).toEqual({ kind: 'skip' });
    expect(parseStaticPath('/a%5cb')).toEqual({ kind: 'skip' });
    expect(parseStaticPath('/a%00b')).toEqual({ kind: 'skip' });
    expect(parseStaticPath('/C:%5cx')).toEqual({ kind: 'skip' });
    expect(parseStaticPath('http://evil/x')).toEqual({ kind: 'skip' });
    expect(parseStaticPath('/%zz')).toEqual({ kind: 'bad-escape' });
  });
});
