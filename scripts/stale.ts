import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildStamp, fromRoot } from './paths.ts';

/** Files and folders whose change makes dist out of date. Folder mtimes catch deleted files. */
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.ts'];

/** Newest mtime (ms) of a file, or of a folder and everything under it. */
export function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Reads the start time recorded by the last successful build, or null if there was none. */
export function readStamp(stampPath = buildStamp): number | null {
  if (!existsSync(stampPath)) return null;
  try {
    const { startedAt } = JSON.parse(readFileSync(stampPath, 'utf8')) as { startedAt?: unknown };
    return typeof startedAt === 'number' ? startedAt : null;
  } catch {
    return null;
  }
}

/**
 * Why dist must be rebuilt, or null when it is up to date. Compares against the build's start
 * time (not its end) so an edit made while a build ran still counts as newer.
 */
export function staleReason(root = fromRoot(), stampPath = buildStamp): string | null {
  if (!existsSync(join(root, 'dist', 'commands', 'cli.js'))) return 'dist is missing';
  const startedAt = readStamp(stampPath);
  if (startedAt === null) return 'no successful build recorded';
  for (const input of inputs) {
    const p = join(root, input);
    if (existsSync(p) && newestMtime(p) > startedAt) return `${input} changed since the last build`;
  }
  return null;
}
