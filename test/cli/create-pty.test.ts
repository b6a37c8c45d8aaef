// create-vango in a pseudo-terminal: the prompts are answered with keystrokes, as a user would.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnPty } from './pty.ts';
import { ensureFreshBuild } from './fresh-build.ts';
import { repoRoot } from './spawn-cli.ts';

beforeAll(ensureFreshBuild, 180_000);

const dirs: string[] = [];
function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'create-vango-pty-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ENTER = '\r';
const DOWN = '\x1b[B';
const CTRL_C = '\x03';
const env = { CI: '', npm_config_user_agent: 'npm/11.0.0 node/v24.0.0 linux x64', NO_COLOR: '1' };
const start = (cwd: string, args: string[] = [], extra: NodeJS.ProcessEnv = {}) =>
  spawnPty([process.execPath, join(repoRoot, 'bin', 'create-vango.js'), ...args], { cwd, env: { ...env, ...extra } });

describe('create-vango in a terminal', () => {
  it('asks every question and scaffolds from the answers', async () => {
    const cwd = workdir();
    const p = start(cwd);
    await p.waitFor('Project name');
    p.type('bad name');
    p.type(ENTER);
    await p.waitFor('no spaces'); // the prompt validates and stays
    p.type('\x7f'.repeat(8) + 'pty-app');
    p.type(ENTER);
    await p.waitFor('Template');
    p.type(DOWN); // minimal → todo
    p.type(ENTER);
    await p.waitFor('Package manager');
    p.type(DOWN); // npm (detected) → pnpm
    p.type(ENTER);
    await p.waitFor('Install dependencies now?');
    p.type('n');
    await p.waitFor('Initialise a git repository?');
    p.type('n');
    expect(await p.exit).toBe(0);
    const app = join(cwd, 'pty-app');
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).name).toBe('pty-app');
    expect(existsSync(join(app, 'app/db.ts'))).toBe(true); // the todo template
    expect(existsSync(join(app, 'node_modules'))).toBe(false);
    expect(existsSync(join(app, '.git'))).toBe(false);
    expect(p.output()).toContain('pnpm install');
    expect(p.output()).toContain('pnpm dev');
  }, 30_000);

  it('asks only what the flags leave open', async () => {
    const cwd = workdir();
    const p = start(cwd, ['flagged', '--template', 'realtime', '--pm', 'npm', '--no-git']);
    await p.waitFor('Install dependencies now?');
    expect(p.output()).not.toContain('Project name');
    expect(p.output()).not.toContain('Template');
    p.type('n');
    expect(await p.exit).toBe(0);
    expect(existsSync(join(cwd, 'flagged/app/shared.ts'))).toBe(true);
  }, 30_000);

  it('Ctrl-C cancels cleanly and leaves no folder behind', async () => {
    const cwd = workdir();
    const p = start(cwd);
    await p.waitFor('Project name');
    p.type('half-done');
    p.type(ENTER);
    await p.waitFor('Template');
    p.type(CTRL_C);
    expect(await p.exit).toBe(130);
    expect(p.output()).toContain('cancelled, nothing was written');
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);

  it('never prompts when CI is set, even in a terminal', async () => {
    const cwd = workdir();
    const p = start(cwd, ['--no-install'], { CI: '1' });
    expect(await p.exit).toBe(1);
    expect(p.output()).not.toContain('Project name');
    expect(p.output()).toContain('no project name given');
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);

  it('--yes in a terminal asks nothing', async () => {
    const cwd = workdir();
    const p = start(cwd, ['--yes', '--no-install', '--no-git']);
    expect(await p.exit).toBe(0);
    expect(p.output()).not.toContain('?');
    expect(readdirSync(cwd)).toEqual(['vango-app']);
  }, 30_000);
});
