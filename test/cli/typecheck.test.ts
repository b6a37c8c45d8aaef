// The whole repo type-checks: sources, tests, benchmarks and scripts (the build only compiles src/).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './spawn-cli.ts';
import { tools } from '../../scripts/paths.ts';

describe('typecheck', () => {
  it('tsc --noEmit over tsconfig.json reports nothing', () => {
    const r = spawnSync(process.execPath, [tools.tsc, '-p', 'tsconfig.json', '--noEmit'], { cwd: repoRoot, encoding: 'utf8', timeout: 240_000 });
    expect(r.error).toBeUndefined();
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 250_000);
});
