import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runNode, vango } from './spawn-cli.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const ESC = '\x1b[';

beforeAll(ensureBuilt, 120_000);

describe('vango (bin/vango.js)', () => {
  it('--help lists every command', () => {
    const r = vango(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['create [options] [name]', 'dev', 'build [options]', 'start', 'gen [options] <what>', 'test [args...]']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd.replace(/[[\]]/g, '\\$&')}\\s`, 'm'));
    }
  });

  it('--version and -v print the package.json version', () => {
    for (const flag of ['--version', '-v']) {
      const r = vango([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(pkg.version);
    }
  });

  it('build --help lists its options', () => {
    const r = vango(['build', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--pwa', '--desktop', '--ios', '--outdir <dir>', '--minify', '--sourcemap']) {
      expect(r.stdout).toContain(opt);
    }
  });

  it('gen rejects an unknown target and lists the valid ones', () => {
    const r = vango(['gen', 'foo']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("'foo'");
    expect(r.stderr).toMatch(/routes, islands/);
    expect(r.stderr).toContain("Run 'vango gen --help'");
  });

  it('an unknown command fails and points at --help', () => {
    const r = vango(['frobnicate']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).toContain("Run 'vango --help' for usage.");
    expect(r.stdout).toBe('');
  });

  it('a near-miss command gets a suggestion', () => {
    const r = vango(['devv']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Did you mean dev?');
  });

  it('an unknown option fails and points at the command help', () => {
    const r = vango(['build', '--bogus']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stderr).toContain("Run 'vango build --help' for usage.");
  });

  it('writes colors only when allowed: never to a pipe, FORCE_COLOR forces, NO_COLOR wins', () => {
    expect(vango(['frobnicate']).stderr).not.toContain(ESC);
    expect(vango(['frobnicate'], { FORCE_COLOR: '1' }).stderr).toContain(ESC);
    expect(vango(['--help'], { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(vango(['frobnicate'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr).not.toContain(ESC);
    expect(vango(['--help'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(ESC);
  });
});

describe('create-vango (bin/create-vango.js)', () => {
  it('--help describes creating an app', () => {
    const r = runNode('bin/create-vango.js', ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: create-vango [options] [name]');
    expect(r.stdout).toContain('create a new Vango app');
  });

  it('rejects extra arguments', () => {
    const r = runNode('bin/create-vango.js', ['a', 'b']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Run 'create-vango --help' for usage.");
  });
});

describe('bin shims without a build', () => {
  it('say how to build instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vango-nodist-'));
    try {
      cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
      for (const [bin, name] of [['bin/vango.js', 'vango'], ['bin/create-vango.js', 'create-vango']]) {
        const r = runNode(join(dir, bin!), ['--help'], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toBe(`${name} is not built: run \`npm run build\` in ${dir}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
