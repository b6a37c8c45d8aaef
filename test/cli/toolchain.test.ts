// The repo's own scripts (scripts/*.ts): what CI relies on must not silently rot.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReason } from '../../scripts/stale.ts';
import { createSystemDeps, findBin } from '../../scripts/system-deps.ts';
import type { SystemEnv } from '../../scripts/system-deps.ts';
import { countTests, formatCounts } from '../../scripts/vitest-summary.ts';

const tmpDirs: string[] = [];
const tmp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of tmpDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('vitest summary line', () => {
  it('counts passed, failed and skipped tests', () => {
    const counts = countTests({
      numPassedTests: 7,
      numFailedTests: 2,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'failed' }, { status: 'passed' }] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    });
    expect(counts).toEqual({ passed: 7, failed: 2, skipped: 2 });
    expect(formatCounts(counts)).toBe('7 passed, 2 failed, 2 skipped');
  });

  it('counts a test file that failed without a failing test (import error) as a failure', () => {
    const counts = countTests({
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [{ status: 'failed', assertionResults: [] }, { status: 'passed', assertionResults: [{ status: 'passed' }] }],
    });
    expect(formatCounts(counts)).toBe('3 passed, 1 failed');
  });

  it('prints the exact form CI reads', () => {
    expect(formatCounts({ passed: 0, failed: 0, skipped: 0 })).toMatch(/^\d+ passed, \d+ failed$/);
  });
});

function fakeEnv(opts: { present?: string[]; root?: boolean; fail?: 'update' | 'install'; installs?: Record<string, string> }) {
  const present = new Set(opts.present ?? ['apt-get']);
  const calls: string[] = [];
  const env: SystemEnv = {
    findBin: (bin) => (present.has(bin) ? `/found/${bin}` : null),
    isRoot: () => opts.root ?? true,
    log: () => {},
    run: async (cmd, args) => {
      calls.push([cmd, ...args].join(' '));
      if (opts.fail === args[0]) return { code: 100, output: 'E: Unable to locate package\n' };
      if (args[0] === 'install') for (const pkg of args.slice(2)) if (opts.installs?.[pkg]) present.add(opts.installs[pkg]);
      return { code: 0, output: '' };
    },
  };
  return { env, calls };
}

describe('ensureSystemPackage', () => {
  const chromium = { bin: '/usr/bin/chromium', apt: 'chromium' };

  it('does nothing when the binary is there', async () => {
    const { env, calls } = fakeEnv({ present: ['/usr/bin/chromium'] });
    expect(await createSystemDeps(env)(chromium)).toEqual({ ok: true, status: 'present', path: '/found//usr/bin/chromium' });
    expect(calls).toEqual([]);
  });

  it('installs with apt, running apt-get update only once for several packages', async () => {
    const { env, calls } = fakeEnv({ installs: { chromium: '/usr/bin/chromium', 'nats-server': 'nats-server' } });
    const ensure = createSystemDeps(env);
    expect(await ensure(chromium)).toMatchObject({ ok: true, status: 'installed' });
    expect(await ensure({ bin: 'nats-server', apt: 'nats-server' })).toMatchObject({ ok: true, status: 'installed' });
    expect(calls).toEqual(['apt-get update', 'apt-get install -y chromium', 'apt-get install -y nats-server']);
  });

  it('does not try apt when not root, and says what to run', async () => {
    const { env, calls } = fakeEnv({ root: false });
    const r = await createSystemDeps(env)(chromium);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('apt-get install -y chromium');
    expect(calls).toEqual([]);
  });

  it('reports a failed install with apt output', async () => {
    const { env } = fakeEnv({ fail: 'install' });
    const r = await createSystemDeps(env)(chromium);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/apt-get install -y chromium failed \(exit 100\)[\s\S]*Unable to locate package/);
  });

  it('reports a failed apt-get update', async () => {
    const { env, calls } = fakeEnv({ fail: 'update' });
    const r = await createSystemDeps(env)(chromium);
    expect(!r.ok && r.message).toContain('apt-get update failed');
    expect(calls).toEqual(['apt-get update']);
  });

  it('fails when the package installed but the binary is still missing', async () => {
    const { env } = fakeEnv({});
    const r = await createSystemDeps(env)(chromium);
    expect(!r.ok && r.message).toContain('still missing');
  });

  it('says so when there is no apt-get at all', async () => {
    const { env, calls } = fakeEnv({ present: [] });
    const r = await createSystemDeps(env)(chromium);
    expect(!r.ok && r.message).toContain('apt-get is not available');
    expect(calls).toEqual([]);
  });
});

describe('findBin', () => {
  it('finds executables by absolute path or through PATH, ignoring non-executable files', () => {
    const dir = tmp('vango-findbin-');
    writeFileSync(join(dir, 'tool'), '#!/bin/sh\n');
    chmodSync(join(dir, 'tool'), 0o755);
    writeFileSync(join(dir, 'data'), '');
    chmodSync(join(dir, 'data'), 0o644);
    expect(findBin('tool', `/nonexistent:${dir}`)).toBe(join(dir, 'tool'));
    expect(findBin(join(dir, 'tool'))).toBe(join(dir, 'tool'));
    expect(findBin('data', dir)).toBeNull();
    expect(findBin('missing-tool', dir)).toBeNull();
  });
});

describe('staleReason (when npm test rebuilds dist)', () => {
  function fixture() {
    const root = tmp('vango-stale-');
    mkdirSync(join(root, 'src', 'commands'), { recursive: true });
    mkdirSync(join(root, 'dist', 'commands'), { recursive: true });
    writeFileSync(join(root, 'src', 'commands', 'cli.ts'), '');
    writeFileSync(join(root, 'dist', 'commands', 'cli.js'), '');
    const old = new Date(Date.now() - 60_000);
    for (const p of ['src/commands/cli.ts', 'src/commands', 'src']) utimesSync(join(root, p), old, old);
    const stamp = join(root, 'stamp.json');
    writeFileSync(stamp, JSON.stringify({ startedAt: Date.now() - 30_000 }));
    return { root, stamp };
  }

  it('is fresh after a successful build with no later change', () => {
    const { root, stamp } = fixture();
    expect(staleReason(root, stamp)).toBeNull();
  });

  it('is stale when a source file changed after the build started', () => {
    const { root, stamp } = fixture();
    writeFileSync(join(root, 'src', 'commands', 'cli.ts'), 'changed');
    expect(staleReason(root, stamp)).toBe('src changed since the last build');
  });

  it('is stale when a source file was added or deleted', () => {
    const { root, stamp } = fixture();
    rmSync(join(root, 'src', 'commands', 'cli.ts'));
    expect(staleReason(root, stamp)).toBe('src changed since the last build');
  });

  it('is stale without dist or without a recorded successful build', () => {
    const { root, stamp } = fixture();
    rmSync(stamp);
    expect(staleReason(root, stamp)).toBe('no successful build recorded');
    rmSync(join(root, 'dist'), { recursive: true });
    expect(staleReason(root, stamp)).toBe('dist is missing');
  });
});
