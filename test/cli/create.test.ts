// create-vango without a terminal (as in CI and scripts): flags, defaults, refusals. No install here;
// test/templates installs and runs the generated apps.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from './fresh-build.ts';
import { repoRoot, runNode } from './spawn-cli.ts';

beforeAll(ensureFreshBuild, 180_000);

const dirs: string[] = [];
function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'create-vango-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const bin = join(repoRoot, 'bin', 'create-vango.js');
const create = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runNode(bin, args, { cwd, env: { npm_config_user_agent: '', CI: '', ...env } });

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('create-vango (non-interactive)', () => {
  it('scaffolds each template from flags, with placeholders filled and the checkout as vango', () => {
    for (const template of ['minimal', 'todo', 'realtime']) {
      const cwd = workdir();
      const r = create(cwd, [`app-${template}`, '--template', template, '--no-install', '--no-git']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const app = join(cwd, `app-${template}`);
      const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({
        name: `app-${template}`,
        private: true,
        type: 'module',
        scripts: { dev: 'vango dev', build: 'vango build', start: 'vango start', test: 'vango test' },
        dependencies: { vango: `file:${repoRoot.replace(/[\\/]+$/, '')}` },
      });
      const files = filesUnder(app);
      expect(files).toEqual(expect.arrayContaining(['.gitignore', 'README.md', 'tsconfig.json', 'vango.config.ts', 'app/routes/index.tsx']));
      expect(files.some((f) => f.startsWith('tests/') && /\.test\.tsx?$/.test(f))).toBe(true);
      expect(files).not.toContain('_gitignore');
      for (const f of files) expect(readFileSync(join(app, f), 'utf8'), f).not.toMatch(/\{\{\w+\}\}/);
      expect(readFileSync(join(app, 'README.md'), 'utf8')).toContain(`# app-${template}`);
      // Written through a temporary sibling that is gone afterwards; nothing else was run.
      expect(readdirSync(cwd)).toEqual([`app-${template}`]);
      expect(existsSync(join(app, 'node_modules'))).toBe(false);
      expect(existsSync(join(app, '.git'))).toBe(false);
      expect(r.stdout).toContain(`cd app-${template}`);
      expect(r.stdout).toContain('npm run dev');
    }
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const cwd = workdir();
    const r = create(cwd, ['planned', '-t', 'todo', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('template  todo');
    expect(r.stdout).toContain('.gitignore');
    expect(r.stdout).toContain('app/db.ts');
    expect(r.stdout).toMatch(/npm install/);
    expect(r.stdout).toContain('Nothing was written');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a non-empty folder unless --overwrite, which replaces its files but keeps .git', () => {
    const cwd = workdir();
    const app = join(cwd, 'busy');
    mkdirSync(join(app, '.git'), { recursive: true });
    writeFileSync(join(app, 'keep.txt'), 'mine');
    const refused = create(cwd, ['busy', '--no-install', '--no-git']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not empty');
    expect(refused.stderr).toContain('--overwrite');
    expect(readdirSync(app).sort()).toEqual(['.git', 'keep.txt']);

    const r = create(cwd, ['busy', '--overwrite', '--no-install', '--no-git']);
    expect(r.code).toBe(0);
    expect(existsSync(join(app, 'keep.txt'))).toBe(false);
    expect(existsSync(join(app, '.git'))).toBe(true);
    expect(existsSync(join(app, 'package.json'))).toBe(true);
    expect(readdirSync(cwd)).toEqual(['busy']);
  });

  it('accepts an existing empty folder', () => {
    const cwd = workdir();
    mkdirSync(join(cwd, 'empty'));
    expect(create(cwd, ['empty', '--no-install', '--no-git']).code).toBe(0);
    expect(existsSync(join(cwd, 'empty', 'package.json'))).toBe(true);
  });

  it('a bad template name lists the valid ones', () => {
    const cwd = workdir();
    const r = create(cwd, ['x', '--template', 'blog', '--no-install']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown template 'blog'");
    expect(r.stderr).toContain('minimal, todo, realtime');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--pm takes only known package managers', () => {
    const r = create(workdir(), ['x', '--pm', 'pip']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/npm, pnpm, yarn, bun/);
  });

  it('rejects names that are not valid package or folder names', () => {
    const cwd = workdir();
    for (const [name, why] of [
      ['My-App', "lowercase (try 'my-app')"],
      ['.hidden', 'cannot start with a dot'],
      ['con', 'reserved file name on Windows'],
      ['a b', 'no spaces'],
    ] as const) {
      const r = create(cwd, [name, '--no-install', '--no-git']);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toContain(why);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a path works as the name: the folder is created, the package is named after it', () => {
    const cwd = workdir();
    expect(create(cwd, ['nested/deeper/app', '--no-install', '--no-git']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'nested/deeper/app/package.json'), 'utf8')).name).toBe('app');
  });

  it('without a name and without a terminal it fails, naming the argument and --yes', () => {
    const cwd = workdir();
    const r = create(cwd, ['--no-install']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no project name given');
    expect(r.stderr).toContain('create-vango my-app');
    expect(r.stderr).toContain('--yes');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--yes takes every default: vango-app, minimal', () => {
    const cwd = workdir();
    const r = create(cwd, ['--yes', '--no-install', '--no-git']);
    expect(r.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['vango-app']);
    expect(existsSync(join(cwd, 'vango-app/app/components/Counter.tsx'))).toBe(true);
  });

  it('CI set: never asks, takes defaults for what the flags leave open', () => {
    const cwd = workdir();
    const r = create(cwd, ['ci-app', '--no-install', '--no-git'], { CI: 'true' });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'ci-app/app/components/Counter.tsx'))).toBe(true);
  });

  it('uses the package manager that started it, in the next steps', () => {
    const cwd = workdir();
    const r = create(cwd, ['pm-app', '--no-install', '--no-git'], { npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v24.0.0 linux x64' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pnpm install');
    expect(r.stdout).toContain('pnpm dev');
    const dry = create(cwd, ['other', '--pm', 'yarn', '--dry-run'], { npm_config_user_agent: 'pnpm/9.12.0' });
    expect(dry.stdout).toMatch(/^\s+yarn --ignore-scripts$/m);
  });

  it('initialises git with a first commit when asked', () => {
    const cwd = workdir();
    const r = create(cwd, ['git-app', '--no-install', '--git'], {
      GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
    });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'git-app', '.git'))).toBe(true);
    expect(r.stderr).toContain('Initialising git');
  });

  it('`vango create` is the same command', () => {
    const cwd = workdir();
    const r = runNode(join(repoRoot, 'bin', 'vango.js'), ['create', 'via-vango', '-t', 'realtime', '--no-install', '--no-git'], { cwd, env: { CI: '' } });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'via-vango/app/shared.ts'))).toBe(true);
  });
});
