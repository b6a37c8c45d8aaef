/**
 * Which vitest runs an app's tests: the app's own (so its version and plugins match), else the one
 * installed next to vango.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ResolvedVitest {
  /** The package folder. */
  dir: string;
  /** The CLI script (`vitest.mjs`). */
  bin: string;
  /** `dist/config.js`, for `mergeConfig`. */
  config: string;
  version: string;
  /** Where it was found. */
  from: 'app' | 'vango';
}

function fromRequire(req: NodeJS.Require, from: ResolvedVitest['from']): ResolvedVitest | undefined {
  let pkgFile: string;
  try {
    pkgFile = req.resolve('vitest/package.json');
  } catch {
    return undefined;
  }
  const dir = dirname(pkgFile);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string; bin?: string | Record<string, string> };
  const binRel = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.vitest ?? 'vitest.mjs');
  const bin = join(dir, binRel);
  const config = join(dir, 'dist', 'config.js');
  if (!existsSync(bin) || !existsSync(config)) return undefined;
  return { dir, bin, config, version: pkg.version, from };
}

/** vitest for the app at `root`; undefined when neither the app nor vango has it. */
export function resolveVitest(root: string): ResolvedVitest | undefined {
  return fromRequire(createRequire(join(root, 'package.json')), 'app') ?? fromRequire(createRequire(import.meta.url), 'vango');
}
