// Debian packages the test suite needs (chromium today; postgresql or nats-server later).
// Every machine, CI included, starts without them, so the repo installs them itself.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { run } from './run.ts';
import type { RunResult } from './run.ts';

export interface SystemPackage {
  /** Executable that proves the package is there: an absolute path, or a name looked up on PATH. */
  bin: string;
  /** Debian package that provides it. */
  apt: string;
}

export type EnsureResult =
  | { ok: true; status: 'present' | 'installed'; path: string }
  | { ok: false; status: 'missing'; message: string };

/** What ensureSystemPackage touches in the outside world; replaced in tests. */
export interface SystemEnv {
  findBin(bin: string): string | null;
  isRoot(): boolean;
  run(cmd: string, args: readonly string[]): Promise<RunResult>;
  log(msg: string): void;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves `bin` like a shell would: absolute paths as they are, bare names through PATH. */
export function findBin(bin: string, path = process.env.PATH ?? ''): string | null {
  if (bin.includes('/')) return isExecutable(bin) ? bin : null;
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutable(join(dir, bin))) return join(dir, bin);
  }
  return null;
}

export const realSystemEnv: SystemEnv = {
  findBin: (bin) => findBin(bin),
  isRoot: () => process.getuid?.() === 0,
  run: (cmd, args) =>
    run(cmd, args, { capture: true, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
  log: (msg) => console.log(msg),
};

const tail = (text: string, lines = 15): string => text.trimEnd().split('\n').slice(-lines).join('\n');

/**
 * Returns an `ensureSystemPackage` bound to `env`. `apt-get update` runs at most once per
 * instance, however many packages are ensured.
 */
export function createSystemDeps(env: SystemEnv = realSystemEnv) {
  let updated: Promise<RunResult> | null = null;

  return async function ensureSystemPackage({ bin, apt }: SystemPackage): Promise<EnsureResult> {
    const found = env.findBin(bin);
    if (found) return { ok: true, status: 'present', path: found };

    const how = `apt-get update && apt-get install -y ${apt}`;
    if (!env.findBin('apt-get')) {
      return { ok: false, status: 'missing', message: `${bin} not found and apt-get is not available: install the ${apt} package (Debian: ${how}).` };
    }
    if (!env.isRoot()) {
      return { ok: false, status: 'missing', message: `${bin} not found. Install it as root: sudo sh -c '${how}'` };
    }

    env.log(`system-deps: ${bin} missing, installing Debian package ${apt} (one-time)...`);
    updated ??= env.run('apt-get', ['update']);
    const update = await updated;
    if (update.code !== 0) {
      return { ok: false, status: 'missing', message: `apt-get update failed (exit ${update.code}), so ${apt} could not be installed:\n${tail(update.output)}` };
    }
    const install = await env.run('apt-get', ['install', '-y', apt]);
    if (install.code !== 0) {
      return { ok: false, status: 'missing', message: `apt-get install -y ${apt} failed (exit ${install.code}):\n${tail(install.output)}` };
    }
    const path = env.findBin(bin);
    if (!path) {
      return { ok: false, status: 'missing', message: `apt-get installed ${apt} but ${bin} is still missing.` };
    }
    env.log(`system-deps: installed ${apt} (${path})`);
    return { ok: true, status: 'installed', path };
  };
}

/** Makes sure `bin` exists, installing its Debian package with apt-get when we are root. */
export const ensureSystemPackage = createSystemDeps();
