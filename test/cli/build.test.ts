/**
 * `vango build` on a copy of test/fixtures/build-app, and `node dist/server.js` serving the result over
 * real HTTP with the production defaults.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildManifest } from '../../src/runtime/node/manifest.ts';
import { cleanTmpBase, copyApp, ensureBuiltForApps, type AppCopy } from './app-copy.ts';
import { repoRoot, runNode } from './spawn-cli.ts';
import { servedUrl } from '../helpers/served-url.ts';

const vangoIn = (cwd: string, args: string[]) => runNode(join(repoRoot, 'bin', 'vango.js'), args, { cwd });

let app: AppCopy;
let build: ReturnType<typeof vangoIn>;
let manifest: BuildManifest;

beforeAll(() => {
  ensureBuiltForApps();
  app = copyApp();
  build = vangoIn(app.dir, ['build']);
  if (build.code === 0) manifest = JSON.parse(readFileSync(join(app.dir, 'dist', 'manifest.json'), 'utf8')) as BuildManifest;
}, 240_000);

afterAll(() => app?.remove());

describe('vango build', () => {
  it('succeeds and prints the size table', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^file\s+raw\s+gzip\s+brotli$/m);
    expect(build.stdout).toMatch(/^assets\/vango\.[0-9a-f]{8}\.js\s+\d+\.\d+ kB\s+\d+\.\d+ kB\s+\d+\.\d+ kB/m);
    expect(build.stdout).toMatch(/^public\/style\.css\s/m);
    expect(build.stdout).toContain('dist/ written');
  });

  it('writes one ESM server bundle with a source map, vango left external', () => {
    const server = readFileSync(join(app.dir, 'dist', 'server.js'), 'utf8');
    expect(server).toMatch(/from "vango\/server"/);
    expect(server).toContain('startServer(');
    expect(server).toContain('Count: '); // the page's code is in the bundle
    expect(server).toMatch(/\/\/# sourceMappingURL=server\.js\.map\s*$/);
    const map = JSON.parse(readFileSync(join(app.dir, 'dist', 'server.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('app/routes/index.tsx'))).toBe(true);
  });

  it('hashes the client by content and precompresses it and the public files', () => {
    const client = manifest.assets['vango.js']!;
    expect(manifest.client).toBe(client.url);
    const bytes = readFileSync(join(app.dir, 'dist', client.file));
    expect(client.file).toBe(`assets/vango.${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.js`);
    expect(client.size).toBe(bytes.length);
    expect(gunzipSync(readFileSync(join(app.dir, 'dist', `${client.file}.gz`)))).toEqual(bytes);
    expect(brotliDecompressSync(readFileSync(join(app.dir, 'dist', `${client.file}.br`)))).toEqual(bytes);
    const css = readFileSync(join(repoRoot, 'test/fixtures/build-app/public/style.css'));
    expect(readFileSync(join(app.dir, 'dist/public/style.css'))).toEqual(css);
    expect(gunzipSync(readFileSync(join(app.dir, 'dist/public/style.css.gz')))).toEqual(css);
    expect(manifest.public['style.css']).toMatchObject({ file: 'public/style.css', size: css.length });
    // Too small to be worth a compressed copy.
    expect(existsSync(join(app.dir, 'dist/public/robots.txt'))).toBe(true);
    expect(existsSync(join(app.dir, 'dist/public/robots.txt.gz'))).toBe(false);
  });

  it("bundles the app's client hooks for the browser under a hashed name", () => {
    const hooks = manifest.assets['hooks.js']!;
    expect(hooks.file).toMatch(/^assets\/hooks\.[0-9a-f]{8}\.js$/);
    expect(manifest.scripts).toEqual([hooks.url]);
    const code = readFileSync(join(app.dir, 'dist', hooks.file), 'utf8');
    expect(code).toContain('data-hooked');
    expect(code).not.toMatch(/\binterface\b|\bimport\b/); // type-stripped, self-contained
    expect(build.stdout).toMatch(/^assets\/hooks\.[0-9a-f]{8}\.js\s/m);
  });

  it('fails with a source-located error on a syntax error', () => {
    const broken = copyApp();
    try {
      writeFileSync(join(broken.dir, 'app/routes/about.tsx'), 'export default function About() {\n  return <main>\n    <p>unclosed\n  </main>;\n}\n');
      const r = vangoIn(broken.dir, ['build']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^app\/routes\/about\.tsx:\d+:\d+: .*/m);
      expect(r.stderr).toContain('> ');
      expect(r.stderr).toContain('^');
      expect(r.stderr).toContain('vango build failed');
      expect(existsSync(join(broken.dir, 'dist/server.js'))).toBe(false);
    } finally {
      broken.remove();
    }
  });

  it('fails with the importing line when an import does not resolve', () => {
    const broken = copyApp();
    try {
      writeFileSync(join(broken.dir, 'app/routes/about.tsx'), "import { x } from './nope.ts';\nimport leftpad from 'left-pad-not-installed';\nexport default function About() {\n  return <main>{x}{leftpad}</main>;\n}\n");
      const r = vangoIn(broken.dir, ['build']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/app\/routes\/about\.tsx:1:\d+: Could not resolve "\.\/nope\.ts"/);
      writeFileSync(join(broken.dir, 'app/routes/about.tsx'), "import leftpad from 'left-pad-not-installed';\nexport default function About() {\n  return <main>{leftpad}</main>;\n}\n");
      const pkg = vangoIn(broken.dir, ['build']);
      expect(pkg.code).toBe(1);
      expect(pkg.stderr).toMatch(/app\/routes\/about\.tsx:1:\d+: Could not resolve "left-pad-not-installed" \(the package "left-pad-not-installed" is not installed/);
    } finally {
      broken.remove();
    }
  });

  it('honours --outdir, --minify and --no-sourcemap', () => {
    const r = vangoIn(app.dir, ['build', '--outdir', 'out', '--minify', '--no-sourcemap']);
    expect(r.code).toBe(0);
    expect(existsSync(join(app.dir, 'out/server.js'))).toBe(true);
    expect(existsSync(join(app.dir, 'out/server.js.map'))).toBe(false);
    const min = readFileSync(join(app.dir, 'out/server.js'), 'utf8');
    expect(min.length).toBeLessThan(readFileSync(join(app.dir, 'dist/server.js'), 'utf8').length);
    expect(vangoIn(app.dir, ['build', '--outdir', '.']).stderr).toMatch(/would contain the app itself/);
  });
});

describe('node dist/server.js', () => {
  let child: ChildProcess;
  let base: string;

  beforeAll(async () => {
    child = spawn(process.execPath, [join(app.dir, 'dist', 'server.js')], { cwd: app.dir, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    base = await servedUrl(child);
  }, 30_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  });

  it('serves the page compressed, with security headers and the hashed client', async () => {
    const res = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br'); // fetch decodes it for us
    expect(res.headers.get('vary')).toMatch(/accept-encoding/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const html = await res.text();
    expect(html).toContain('Count: 0');
    expect(html).toContain(`<script src="${manifest.client}" defer></script><script src="${manifest.scripts![0]}" defer></script>`);
    expect(html).toContain('<link rel="stylesheet" href="/style.css">');
    const gz = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
  });

  it('serves hashed assets precompressed and immutable; public files revalidate', async () => {
    const client = manifest.assets['vango.js']!;
    const br = await fetch(`${base}${client.url}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-length')).toBe(String(client.brotli));
    expect(Buffer.from(await br.arrayBuffer())).toEqual(readFileSync(join(app.dir, 'dist', client.file)));
    const plain = await fetch(`${base}${client.url}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-length')).toBe(String(client.size));
    const css = await fetch(`${base}/style.css`, { headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect(css.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect((await fetch(`${base}/assets/vango.00000000.js`)).status).toBe(404);
  });

  it('has no dev endpoints and no unhashed client', async () => {
    expect((await fetch(`${base}/_vango/dev/reload`)).status).toBe(404);
    expect((await fetch(`${base}/_vango/client.js`)).status).toBe(404);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('vango start', () => {
  it('says to build first when there is no build', () => {
    const fresh = copyApp();
    try {
      const r = vangoIn(fresh.dir, ['start']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/dist\/server\.js is missing; run `vango build` first/);
    } finally {
      fresh.remove();
    }
  });

  it('serves the build with --port and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'vango.js'), 'start', '--port', '0', '--host', '127.0.0.1'], { cwd: app.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await servedUrl(child);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Count: 0');
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

describe('vango build --bundle-deps', () => {
  it('produces a server that runs without node_modules', async () => {
    const r = vangoIn(app.dir, ['build', '--bundle-deps', '--outdir', 'dist-bundled']);
    expect(r.code).toBe(0);
    const server = readFileSync(join(app.dir, 'dist-bundled', 'server.js'), 'utf8');
    expect(server).not.toMatch(/from "vango\//);
    const deploy = mkdtempSync(join(cleanTmpBase(), 'vango-bundled-'));
    cpSync(join(app.dir, 'dist-bundled'), join(deploy, 'dist'), { recursive: true });
    const child = spawn(process.execPath, ['dist/server.js'], { cwd: deploy, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await servedUrl(child);
      expect(await (await fetch(url)).text()).toContain('Count: 0');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(deploy, { recursive: true, force: true });
    }
  });
});
