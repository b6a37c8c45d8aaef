// Builds dist when it is older than src before the create-vango tests run the real bins. Like
// spawn-cli's ensureBuilt, but async with a long timeout (the build takes 20-30 s on a busy machine)
// and one build at a time across vitest workers (a lock folder), since a build starts by deleting dist.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { staleReason } from '../../scripts/stale.ts';
import { repoRoot } from './spawn-cli.ts';

const lock = join(repoRoot, 'node_modules', '.cache', 'vango', 'build.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function build(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'build.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

export async function ensureFreshBuild(): Promise<void> {
  const deadline = Date.now() + 170_000;
  mkdirSync(dirname(lock), { recursive: true });
  while (staleReason() !== null) {
    try {
      mkdirSync(lock, { recursive: false });
    } catch {
      // Another worker is building; a lock older than 3 minutes was left by a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) throw new Error('timed out waiting for another build of dist');
      await sleep(500);
      continue;
    }
    try {
      const r = await build();
      if (r.code !== 0) throw new Error(`npm run build failed:\n${r.output}`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
