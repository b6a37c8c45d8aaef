import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nameProblem, toValidName } from '../../../src/create/names.ts';
import { detectPackageManager, installCommand, quickInstallFlags, runScript } from '../../../src/create/package-manager.ts';
import { fill, makePlan } from '../../../src/create/plan.ts';
import { listTemplates } from '../../../src/create/templates.ts';
import { isSourceCheckout, packageRoot, vangoDependency } from '../../../src/create/vango-dep.ts';
import type { Answers } from '../../../src/create/answers.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('project names', () => {
  it('accepts npm-valid, Windows-safe names', () => {
    for (const ok of ['my-app', 'app2', 'a.b', 'x_y', 'tilde~ok']) expect(nameProblem(ok), ok).toBeUndefined();
  });

  it('rejects the rest with a reason', () => {
    expect(nameProblem('')).toMatch(/empty/);
    expect(nameProblem('MyApp')).toMatch(/lowercase \(try 'myapp'\)/);
    expect(nameProblem('_x')).toMatch(/underscore/);
    expect(nameProblem('a/b')).toMatch(/slashes/);
    expect(nameProblem('a:b')).toMatch(/lowercase letters/);
    expect(nameProblem('app.')).toMatch(/end with a dot/);
    expect(nameProblem('node_modules')).toMatch(/reserved/);
    expect(nameProblem('aux')).toMatch(/Windows/);
    expect(nameProblem('lpt1.txt')).toMatch(/Windows/);
    expect(nameProblem('x'.repeat(215))).toMatch(/214/);
  });

  it('derives a valid name from free text', () => {
    expect(toValidName('My Cool App!')).toBe('my-cool-app');
    expect(toValidName('...')).toBe('vango-app');
  });
});

describe('package managers', () => {
  it('detects the manager from npm_config_user_agent, else npm', () => {
    expect(detectPackageManager({ npm_config_user_agent: 'pnpm/9.1.0 npm/? node/v22.22.0 linux x64' })).toBe('pnpm');
    expect(detectPackageManager({ npm_config_user_agent: 'yarn/1.22.22 npm/? node/v22.22.0' })).toBe('yarn');
    expect(detectPackageManager({ npm_config_user_agent: 'bun/1.2.0 npm/? node/v24.0.0' })).toBe('bun');
    expect(detectPackageManager({ npm_config_user_agent: 'npm/11.0.0 node/v24.0.0' })).toBe('npm');
    expect(detectPackageManager({ npm_config_user_agent: 'cnpm/9' })).toBe('npm');
    expect(detectPackageManager({})).toBe('npm');
  });

  it('knows each manager’s install and run commands', () => {
    expect(installCommand('npm')).toEqual(['npm', 'install']);
    expect(quickInstallFlags('npm')).toEqual(['--prefer-offline', '--no-audit', '--no-fund']);
    expect(quickInstallFlags('pnpm')).toEqual([]);
    expect(installCommand('yarn', true)).toEqual(['yarn', '--ignore-scripts']);
    expect(runScript('npm', 'dev')).toBe('npm run dev');
    expect(runScript('bun', 'dev')).toBe('bun run dev');
    expect(runScript('pnpm', 'dev')).toBe('pnpm dev');
    expect(runScript('yarn', 'test')).toBe('yarn test');
  });
});

describe('the vango dependency', () => {
  it('links a source checkout, and asks an installed package for its own version range', () => {
    expect(isSourceCheckout(packageRoot())).toBe(true);
    expect(vangoDependency()).toBe(`file:${packageRoot()}`);
    const base = mkdtempSync(join(tmpdir(), 'vango-dep-'));
    dirs.push(base);
    const installed = join(base, 'node_modules', 'vango');
    mkdirSync(join(installed, 'dist'), { recursive: true });
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: 'vango', version: '1.4.2' }));
    expect(isSourceCheckout(installed)).toBe(false);
    expect(vangoDependency(installed)).toBe('^1.4.2');
    // Even with src/, a copy inside node_modules without .git is an installed package.
    mkdirSync(join(installed, 'src'));
    expect(vangoDependency(installed)).toBe('^1.4.2');
  });
});

describe('plan', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{{name}} {{other}}', { name: 'x' })).toBe('x {{other}}');
  });

  it('renames packing-sensitive files and fills package.json', () => {
    const template = listTemplates().find((t) => t.name === 'minimal')!;
    const answers: Answers = { dir: '/somewhere/my-app', name: 'my-app', template, pm: 'pnpm', install: false, git: false, overwrite: false, dryRun: false };
    const plan = makePlan(answers, '^9.9.9', '/somewhere');
    const paths = plan.files.map((f) => f.path);
    expect(paths).toContain('.gitignore');
    expect(paths).not.toContain('_gitignore');
    const pkg = JSON.parse(new TextDecoder().decode(plan.files.find((f) => f.path === 'package.json')!.content));
    expect(pkg.name).toBe('my-app');
    expect(pkg.dependencies.vango).toBe('^9.9.9');
    expect(plan.next).toEqual(['cd my-app', 'pnpm install', 'pnpm dev']);
  });

  it('lists the templates in their intended order', () => {
    expect(listTemplates().map((t) => t.name)).toEqual(['minimal', 'todo', 'realtime']);
  });
});
