/**
 * The app's client hooks: `app/hooks.ts` (or .tsx/.js) runs in the browser after the thin client and
 * registers hooks with `window.Vango.hooks.register(name, { mounted, updated, destroyed })`. Bundled
 * for the browser, minified, emitted under a content-hashed name.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { ManifestAsset } from '../../runtime/node/manifest.ts';
import { toBuildFailure } from '../diagnostics.ts';
import { emitHashedAsset } from './assets.ts';

export const HOOKS_ENTRIES = ['hooks.ts', 'hooks.tsx', 'hooks.js'] as const;

/** The app's hooks module, if it has one. */
export function findHooksEntry(appDir: string): string | undefined {
  return HOOKS_ENTRIES.map((n) => join(appDir, n)).find((f) => existsSync(f));
}

/**
 * Bundle the hooks module for the browser (one IIFE): minified for `vango build`, readable with an
 * inline source map for `vango dev`. Throws a BuildFailure on errors.
 */
export async function bundleHooks(root: string, entry: string, mode: 'build' | 'dev'): Promise<Uint8Array> {
  try {
    const out = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      minify: mode === 'build',
      sourcemap: mode === 'dev' ? 'inline' : false,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.contents;
  } catch (err) {
    throw toBuildFailure(err, root) ?? err;
  }
}

/** Bundle `entry` for the browser and write `assets/hooks.<hash>.js`; throws a BuildFailure on errors. */
export async function emitHooks(root: string, entry: string, outdir: string): Promise<ManifestAsset> {
  return emitHashedAsset(outdir, 'hooks.js', await bundleHooks(root, entry, 'build'));
}
