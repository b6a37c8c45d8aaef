// `vango dev` as a user runs it: flag and folder errors, the dashboard in a terminal (keys), plain
// lines without one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, makeApp, startDev } from '../helpers/dev-server.ts';
import { ensureFreshBuild } from './fresh-build.ts';
import { spawnPty } from './pty.ts';
import { repoRoot, runNode } from './spawn-cli.ts';

beforeAll(ensureFreshBuild, 180_000);

const app = makeApp({
  'vango.config.ts': "import { defineConfig } from 'vango';\nexport default defineConfig({});\n",
  'app/routes/index.tsx': 'export default function Home() {\n  return <h1>dev cli</h1>;\n}\n',
  'app/hooks.ts': "const marker: string = 'hooks-marker';\n(window as any).Vango?.hooks?.register(marker, { mounted() {} });\n",
});
afterAll(() => app.remove());

describe('vango dev', () => {
  it('refuses a folder that is not an app, saying what it looked for', () => {
    const empty = mkdtempSync(join(tmpdir(), 'vango-dev-empty-'));
    try {
      const r = runNode('bin/vango.js', ['dev', '--cwd', empty]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no Vango app in .* \(looked for vango\.config\.ts or app\/routes\/\)/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rejects a bad port', () => {
    const r = runNode('bin/vango.js', ['dev', '--port', 'abc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expected a port number/);
  });

  it('without a terminal prints plain lines and serves the app; SIGTERM stops it', async () => {
    const dev = await startDev(app.root);
    try {
      expect(dev.log()).toMatch(/ready in \d+ ms/);
      const html = await (await fetch(dev.url)).text();
      expect(html).toContain('<h1>dev cli</h1>');
      expect(html).toContain('/_vango/dev/client.js');
      const script = await fetch(`${dev.url}/_vango/dev/client.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      // The app's client hooks, bundled for the browser like `vango build` does.
      expect(html).toContain('/_vango/dev/hooks.js');
      const hooks = await (await fetch(`${dev.url}/_vango/dev/hooks.js`)).text();
      expect(hooks).toContain('hooks-marker');
      expect(hooks).not.toContain(': string');
    } finally {
      await dev.stop();
    }
    expect(dev.child.exitCode === 0 || dev.child.signalCode === 'SIGTERM').toBe(true);
  });

  it('a wrong config gets its message without a stack, then starts once the config is fixed', async () => {
    const bad = makeApp({
      'vango.config.ts': "import { defineConfig } from 'vango';\nexport default { server: { prot: 3000 } };\n",
      'app/routes/index.tsx': 'export default function Home() {\n  return <h1>fixed</h1>;\n}\n',
    });
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'vango.js'), 'dev', '--port', String(await freePort()), '--no-dashboard'], {
      cwd: bad.root,
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d));
    child.stderr!.on('data', (d: Buffer) => (out += d));
    try {
      await vi.waitFor(() => expect(out).toContain('fix the config'), { timeout: 20_000 });
      expect(out).toContain('vango dev: vango.config.ts: server.prot: unknown key (known: port, host, origins)');
      expect(out).not.toMatch(/^\s+at /m);
      expect(out).not.toContain('Restarting');
      bad.write('vango.config.ts', "import { defineConfig } from 'vango';\nexport default defineConfig({});\n");
      await vi.waitFor(() => expect(out).toMatch(/ready in \d+ ms/), { timeout: 20_000 });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      bad.remove();
    }
  }, 60_000);

  it('in a terminal shows the dashboard and quits on q', async () => {
    const port = await freePort();
    const p = spawnPty([process.execPath, join(repoRoot, 'bin', 'vango.js'), 'dev', '--port', String(port)], { cwd: app.root, env: { CI: '', NO_COLOR: '1' } });
    await p.waitFor(`http://127.0.0.1:${port}`, 20_000);
    expect(p.output()).toMatch(/ready in \d+ ms/);
    expect(p.output()).toMatch(/q quit/);
    p.type('q');
    expect(await p.exit).toBe(0);
  }, 40_000);
});
