/**
 * Load `vango.config.ts`: compiled with esbuild (imports bundled, packages left external so `vango`
 * resolves from the app), imported fresh, and validated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { validateConfig, type VangoConfig } from '../runtime/config.ts';
import { appLayout, type AppLayout } from './layout.ts';
import { BuildFailure, toBuildFailure } from './diagnostics.ts';
import { serverBuildOptions } from './esbuild-options.ts';

export interface LoadedConfig {
  config: VangoConfig;
  layout: AppLayout;
  /** Every local file the config read (the dev server restarts when one changes). */
  inputs: string[];
  /** Absolute path of the static folder. */
  publicDir: string;
}

let loads = 0;

/** Load and check the config of the app at `root` (an app without one gets `{}`). */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const layout = appLayout(root);
  const file = layout.configFile;
  let config: VangoConfig = {};
  let inputs: string[] = [];
  if (file) {
    let result: esbuild.BuildResult<{ write: false; metafile: true }>;
    try {
      result = await esbuild.build({ ...serverBuildOptions(layout.root), entryPoints: [file], write: false, metafile: true, sourcemap: 'inline' });
    } catch (err) {
      throw toBuildFailure(err, layout.root) ?? err;
    }
    inputs = Object.keys(result.metafile.inputs).map((f) => join(layout.root, f));
    // Written next to the app (not in a temp folder) so `import 'vango'` resolves from its node_modules.
    mkdirSync(layout.genDir, { recursive: true });
    const out = join(layout.genDir, 'vango.config.mjs');
    writeFileSync(out, result.outputFiles[0]!.contents);
    const mod = (await import(`${pathToFileURL(out).href}?load=${++loads}`)) as { default?: unknown };
    try {
      config = validateConfig(mod.default);
    } catch (err) {
      // "vango.config: server.prot: unknown key" names the actual file instead.
      (err as Error).message = `${relative(layout.root, file)}: ${(err as Error).message.replace(/^vango\.config: /, '')}`;
      throw err;
    }
  }
  return { config, layout, inputs, publicDir: join(layout.root, config.publicDir ?? 'public') };
}

export { BuildFailure };
