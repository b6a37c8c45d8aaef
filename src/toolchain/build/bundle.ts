/**
 * The server bundle: one ESM file with a source map. Packages stay external (resolved from
 * node_modules at run time) unless `bundleDeps`, so `vango` and the app's dependencies are installed,
 * not copied. The app's tsconfig `paths` apply (esbuild reads them).
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { BuildFailure, toBuildFailure } from '../diagnostics.ts';
import { serverBuildOptions } from '../esbuild-options.ts';
import { missingPackages } from './externals.ts';

export interface BundleOptions {
  root: string;
  entry: string;
  outdir: string;
  minify: boolean;
  sourcemap: boolean;
  /** esbuild target, e.g. `node22`. */
  target: string;
  bundleDeps: boolean;
}

/** Bundle the server; throws a BuildFailure (file:line:col and a code frame) on a compile or import error. */
export async function bundleServer(o: BundleOptions): Promise<{ file: string; map: string | undefined }> {
  const file = join(o.outdir, 'server.js');
  let result: esbuild.BuildResult<{ metafile: true }>;
  try {
    result = await esbuild.build({
      ...serverBuildOptions(o.root),
      metafile: true,
      entryPoints: [o.entry],
      outfile: file,
      target: o.target,
      packages: o.bundleDeps ? undefined : 'external',
      // A bundled CommonJS dependency may call require(); give the ESM bundle one.
      banner: o.bundleDeps ? { js: "import { createRequire as __vangoRequire } from 'node:module'; const require = __vangoRequire(import.meta.url);" } : undefined,
      sourcemap: o.sourcemap ? 'linked' : false,
      minify: o.minify,
      legalComments: 'none',
    });
  } catch (err) {
    throw toBuildFailure(err, o.root) ?? err;
  }
  const missing = o.bundleDeps ? [] : missingPackages(result.metafile, o.root);
  if (missing.length > 0) throw new BuildFailure(missing);
  return { file, map: o.sourcemap ? `${file}.map` : undefined };
}
