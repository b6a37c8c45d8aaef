/** Which `vango` the generated app depends on: this checkout (from source) or this version range. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';

/** The root of the package this code runs from (src/create and dist/create are at the same depth). */
export function packageRoot(): string {
  return fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]+$/, '');
}

/**
 * A source checkout has `src/` and is either a git work tree or not inside a node_modules folder;
 * an installed package is neither (npm packs only bin, dist and templates).
 */
export function isSourceCheckout(root: string): boolean {
  if (!existsSync(`${root}${sep}src`)) return false;
  return existsSync(`${root}${sep}.git`) || !root.split(/[\\/]/).includes('node_modules');
}

/** The dependency spec written into the app's package.json for `vango`. */
export function vangoDependency(root = packageRoot()): string {
  if (isSourceCheckout(root)) return `file:${root}`;
  const pkg = JSON.parse(readFileSync(`${root}${sep}package.json`, 'utf8')) as { version?: string };
  return `^${pkg.version ?? '0.0.0'}`;
}
