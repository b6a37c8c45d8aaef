/**
 * Run a Node program in the foreground for a command (`vango start` serves `dist/server.js`,
 * `vango test` runs vitest): same terminal, Ctrl-C and SIGTERM passed on so the child shuts down its
 * own way, and its exit code becomes ours.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Resolves with the child's exit code; a child ended by a signal gives 128 + its number (130 for SIGINT). */
export function runForeground(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  const child = spawn(process.execPath, args, { cwd: opts.cwd, env: opts.env, stdio: 'inherit' });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise<number>((done) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
    });
  });
}
