// Helpers for the CLI tests: they run the real bin shims against the built dist, as users do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { staleReason } from '../../scripts/stale.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> ...args` from the repo root with the given extra env. */
export function runNode(script: string, args: readonly string[], opts: { env?: NodeJS.ProcessEnv; node?: string; cwd?: string; timeout?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  // Tests decide about color themselves; an outer FORCE_COLOR/NO_COLOR must not leak in.
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CLICOLOR_FORCE']) if (!opts.env || !(k in opts.env)) delete env[k];
  const r = spawnSync(opts.node ?? process.execPath, [script, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: opts.timeout ?? 20_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const vango = (args: readonly string[], env?: NodeJS.ProcessEnv) => runNode('bin/vango.js', args, { env });

/**
 * Builds dist when it is older than src, so `npx vitest run test/cli` never tests a stale CLI.
 * (`npm test` has already done this; then it is a cheap no-op.)
 */
export function ensureBuilt(): void {
  if (staleReason() === null) return;
  // A build takes 20-30 s on a busy 2-core machine.
  const r = runNode('scripts/build.ts', [], { timeout: 180_000 });
  if (r.code !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}
