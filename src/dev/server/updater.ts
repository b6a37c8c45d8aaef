/**
 * The hot update pipeline, one change batch at a time:
 *   1. check the app compiles (an incremental esbuild context over the route table and everything it
 *      imports: syntax errors, missing files, missing exports), else show the problem and keep the
 *      last good code running;
 *   2. bump the changed modules and their importers in the loader and import the route table again
 *      (only those modules are evaluated again);
 *   3. hand the new table and components to the app, which re-renders every live session.
 */
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { RouteTable } from '../../runtime/router/table.ts';
import { toBuildFailure, type BuildFailure } from '../../toolchain/diagnostics.ts';
import { serverBuildOptions } from '../../toolchain/esbuild-options.ts';
import type { DevLoader } from './loader.ts';

export type UpdateOutcome =
  | { ok: true; routeTable: RouteTable; modules: number }
  | { ok: false; failure: BuildFailure }
  | { ok: false; error: unknown };

export class Updater {
  private ctx: Promise<esbuild.BuildContext> | undefined;
  private readonly root: string;
  private readonly routesModule: string;
  private readonly loader: DevLoader;

  constructor(root: string, routesModule: string, loader: DevLoader) {
    this.root = root;
    this.routesModule = routesModule;
    this.loader = loader;
  }

  /** Compile-check the whole app (incremental after the first call). */
  async check(): Promise<BuildFailure | undefined> {
    this.ctx ??= esbuild.context({
      ...serverBuildOptions(this.root),
      entryPoints: [this.routesModule],
      write: false,
      // Only errors matter; skipping output generation keeps a rebuild in the low milliseconds.
      minify: false,
      treeShaking: false,
      sourcemap: false,
    });
    const ctx = await this.ctx;
    try {
      await ctx.rebuild();
      return undefined;
    } catch (err) {
      const f = toBuildFailure(err, this.root);
      if (f) return f;
      throw err;
    }
  }

  /** Import the route table (fresh where `changed` files or their importers are involved). */
  async load(changed: Iterable<string> = []): Promise<UpdateOutcome> {
    const bumped = this.loader.invalidate(changed);
    try {
      const mod = (await import(`${pathToFileURL(this.routesModule).href}`)) as { routeTable: RouteTable };
      return { ok: true, routeTable: mod.routeTable, modules: bumped.size };
    } catch (error) {
      const f = toBuildFailure(error, this.root);
      return f ? { ok: false, failure: f } : { ok: false, error };
    }
  }

  async dispose(): Promise<void> {
    await (await this.ctx)?.dispose();
  }
}
