/**
 * Run `vango dev` (the real CLI from dist) on a throwaway app folder: write files, start it, wait for
 * log lines, stop it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A new app folder under test/.tmp with `vango` linked to this checkout, holding `files`. */
export function makeApp(files: Record<string, string>): { root: string; write(path: string, text: string): void; remove(): void } {
  const base = join(REPO, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, 'dev-app-'));
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  symlinkSync(REPO, join(root, 'node_modules', 'vango'), 'dir');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package.json', JSON.stringify({ name: 'dev-app', private: true, type: 'module' }));
  for (const [p, t] of Object.entries(files)) write(p, t);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface DevProcess {
  child: ChildProcess;
  url: string;
  /** Everything printed so far (stdout + stderr). */
  log(): string;
  /** Resolves when the log (from now on, or from `since`) matches. */
  waitFor(pattern: RegExp, timeoutMs?: number, since?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface StartDevOptions {
  /** More arguments for `vango dev`. */
  args?: string[];
  /** The CLI to run (default: this checkout's `bin/vango.js`; an app may use its installed one). */
  bin?: string;
  /** The whole environment (default: this process's, with CI and NO_COLOR set). */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the URL (ms). */
  timeoutMs?: number;
}

/** Start `vango dev --no-dashboard` in `root` and wait until it prints its URL (rejects if it exits first). */
export async function startDev(root: string, o: StartDevOptions = {}): Promise<DevProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [o.bin ?? join(REPO, 'bin', 'vango.js'), 'dev', '--port', String(port), '--no-dashboard', ...(o.args ?? [])], {
    cwd: root,
    env: o.env ?? { ...process.env, CI: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const waitFor = (pattern: RegExp, timeoutMs = 15_000, since = 0): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(out.slice(since));
        if (m) {
          waiters.delete(check);
          clearTimeout(t);
          resolve(m[0]);
        }
      };
      const t = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${pattern} in the dev server log:\n${out}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`vango dev exited (${code}) before printing its URL:\n${out}`))));
  exited.catch(() => {});
  const line = await Promise.race([waitFor(/Local:\s+(http:\/\/\S+)/, o.timeoutMs), exited]);
  const url = /http:\/\/\S+/.exec(line)![0];
  return {
    child,
    url,
    log: () => out,
    waitFor,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 4000).unref();
      }),
  };
}
