import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the repository root (the folder holding package.json). */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path inside the repository. */
export const fromRoot = (...parts: string[]): string => join(repoRoot, ...parts);

/**
 * JS entry points of the local tools. We run them with `process.execPath` instead of the
 * `node_modules/.bin` shims so the pinned Node (the one running this script) is always used,
 * whatever `node` happens to be first on PATH.
 */
export const tools = {
  tsc: fromRoot('node_modules', 'typescript', 'bin', 'tsc'),
  vitest: fromRoot('node_modules', 'vitest', 'vitest.mjs'),
} as const;

/** Written only after a successful build; see stale.ts. Outside dist so it is never published. */
export const buildStamp = fromRoot('node_modules', '.cache', 'vango', 'build-stamp.json');
