import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from './spawn-cli.ts';

beforeAll(ensureBuilt, 120_000);

const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { exports: Record<string, unknown> };

describe('package exports', () => {
  const entries = Object.keys(pkg.exports).filter((k) => k !== './package.json');
  it.each(entries)('%s resolves to built JavaScript that loads in plain Node', (entry) => {
    const spec = entry === '.' ? 'vango' : `vango/${entry.slice(2)}`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(spec)}); if (Object.keys(m).length === 0) process.exit(3);`], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
