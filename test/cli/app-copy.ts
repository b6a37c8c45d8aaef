// A throwaway copy of a fixture app with `vango` installed as a link to this checkout (its built dist),
// the way an app has it in node_modules.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { staleReason } from '../../scripts/stale.ts';
import { repoRoot } from './spawn-cli.ts';

/**
 * A temp folder with no node_modules in it or above it, so a copied app resolves packages only from its
 * own node_modules (a stray /tmp/node_modules would hide a missing dependency).
 */
export function cleanTmpBase(): string {
  const clean = (dir: string): boolean => {
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, 'node_modules'))) return false;
      if (dirname(d) === d) return true;
    }
  };
  return [tmpdir(), '/var/tmp', '/dev/shm'].find((d) => existsSync(d) && clean(d)) ?? tmpdir();
}

export interface AppCopy {
  dir: string;
  remove(): void;
}

export function copyApp(fixture = 'build-app', prefix = 'vango-app-'): AppCopy {
  const dir = mkdtempSync(join(cleanTmpBase(), prefix));
  cpSync(join(repoRoot, 'test', 'fixtures', fixture), dir, { recursive: true, filter: (src) => !/[\\/](\.vango|dist|node_modules)$/.test(src) });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(repoRoot, join(dir, 'node_modules', 'vango'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Like spawn-cli's ensureBuilt, with room for a full build on a busy machine (tsc alone can take 20 s). */
export function ensureBuiltForApps(): void {
  if (staleReason() === null) return;
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * A copy of `templates/<name>` with its placeholders filled in every text file (as the scaffolder does)
 * and vango linked into node_modules.
 */
export function copyTemplate(name: string, appName = `${name}-test`): AppCopy {
  const dir = mkdtempSync(join(cleanTmpBase(), `vango-${name}-`));
  cpSync(join(repoRoot, 'templates', name), dir, { recursive: true, filter: (src) => !/[\\/](\.vango|dist|node_modules|data)$/.test(src) });
  const fillIn = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) fillIn(p);
      else if (/\.(tsx?|json|css|md)$/.test(e.name)) writeFileSync(p, readFileSync(p, 'utf8').replaceAll('{{name}}', appName).replaceAll('{{vango}}', `file:${repoRoot}`));
    }
  };
  fillIn(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot, join(dir, 'node_modules', 'vango'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
