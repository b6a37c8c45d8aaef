// Scaffold a template with the real create-vango bin and install it against this checkout.
// Apps go to the OS temp folder, not test/.tmp: the repo's vitest and tsc globs cover test/**, and
// a generated app's own tests/*.test.tsx must never be picked up by them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]+$/, '');
export const TEMPLATES = ['minimal', 'todo', 'realtime'] as const;

/** The environment for children: this Node first on PATH (the app's bins run with `node`). */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1', npm_config_user_agent: '', ...extra };
  for (const k of ['FORCE_COLOR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_OPTIONS', 'TEST']) delete env[k];
  env.PATH = `${dirname(process.execPath)}${delimiter}${join(REPO, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`;
  return env;
}

export interface Run {
  code: number | null;
  output: string;
  ms: number;
}

/** Run a command to its end; output (stdout + stderr) is returned, never thrown. */
export function run(argv: string[], cwd: string, opts: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: performance.now() - t0 });
    });
  });
}

export interface ScaffoldedApp {
  dir: string;
  remove(): void;
}

/** `create-vango <name> --template <t> --no-git --no-install` in a fresh temp folder. */
export async function scaffold(template: string): Promise<ScaffoldedApp> {
  const parent = mkdtempSync(join(tmpdir(), `vango-tpl-${template}-`));
  const r = await run([process.execPath, join(REPO, 'bin', 'create-vango.js'), `${template}-app`, '--template', template, '--no-install', '--no-git'], parent);
  if (r.code !== 0) throw new Error(`create-vango failed (${r.code}):\n${r.output}`);
  return { dir: join(parent, `${template}-app`), remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/**
 * `npm install` in the app, against this checkout (vango is a file: link; --ignore-scripts keeps npm
 * from running the checkout's `prepare` build). The first run downloads vitest & co. from the registry.
 */
export async function install(dir: string): Promise<Run> {
  const r = await run(['npm', 'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir, { timeout: 170_000 });
  if (r.code !== 0) throw new Error(`npm install failed (${r.code}):\n${r.output}`);
  return r;
}

/** The app's tests: `npm test`, which runs `vango test`. */
export function appTests(dir: string): Promise<Run> {
  return run(['npm', 'test'], dir);
}
