/**
 * `vango build`: the app → `dist/` (server bundle, hashed client, public files, precompressed
 * siblings, manifest). One step per module; this file only orders them.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { generateRoutes } from '../../codegen/routes/index.ts';
import { loadConfig } from '../config.ts';
import { copyPublic, emitClient } from './assets.ts';
import { bundleServer } from './bundle.ts';
import { emitHooks, findHooksEntry } from './hooks.ts';
import { writeServerEntry } from './entry.ts';
import { CLIENT_GZIP_BUDGET, writeManifest, type BuildManifest } from './manifest.ts';
import { sizeReport, type SizeReport } from './size-report.ts';

export interface BuildAppOptions {
  /** Output folder, relative to the app root (default `dist`). */
  outdir?: string;
  minify?: boolean;
  /** Source map for the server bundle (default true). */
  sourcemap?: boolean;
  /** esbuild target for the server (default `node22`). */
  target?: string;
  /** Bundle the app's dependencies into server.js instead of leaving them to node_modules. */
  bundleDeps?: boolean;
}

export interface BuildAppResult {
  outdir: string;
  manifest: BuildManifest;
  report: SizeReport;
  ms: number;
}

/** Refuse output folders whose removal would delete the app itself. */
function checkOutdir(root: string, outdir: string): void {
  const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  if (inside(root, outdir)) throw new Error(`--outdir ${relative(process.cwd(), outdir) || '.'} would contain the app itself; choose a folder such as dist`);
  for (const keep of ['app', 'public', 'node_modules', 'src']) {
    if (inside(outdir, resolve(root, keep))) throw new Error(`--outdir must not be inside ${keep}/`);
  }
}

/** Build the app at `root`. Throws a BuildFailure (source-located) on compile and import errors. */
export async function buildApp(root: string, opts: BuildAppOptions = {}): Promise<BuildAppResult> {
  const t = performance.now();
  const { layout, publicDir } = await loadConfig(root);
  const outdir = resolve(layout.root, opts.outdir ?? 'dist');
  checkOutdir(layout.root, outdir);
  generateRoutes(layout.root);
  const entry = writeServerEntry(layout);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const server = await bundleServer({
    root: layout.root,
    entry,
    outdir,
    minify: opts.minify ?? false,
    sourcemap: opts.sourcemap ?? true,
    target: opts.target ?? 'node22',
    bundleDeps: opts.bundleDeps ?? false,
  });
  const client = await emitClient(outdir);
  const hooksEntry = findHooksEntry(layout.appDir);
  const hooks = hooksEntry ? await emitHooks(layout.root, hooksEntry, outdir) : undefined;
  const manifest: BuildManifest = {
    version: 1,
    client: client.url,
    scripts: hooks ? [hooks.url] : [],
    assets: { 'vango.js': client, ...(hooks ? { 'hooks.js': hooks } : {}) },
    public: copyPublic(publicDir, outdir),
    server: { file: relative(outdir, server.file).split(sep).join('/'), size: statSync(server.file).size },
    budget: { client: CLIENT_GZIP_BUDGET },
  };
  writeManifest(outdir, manifest);
  return { outdir, manifest, report: sizeReport(manifest), ms: performance.now() - t };
}

export { BuildFailure } from '../diagnostics.ts';
export { formatSizeReport, sizeReport, formatBytes } from './size-report.ts';
