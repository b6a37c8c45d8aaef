/**
 * Where things are in an app folder. One place, so `dev`, `build`, `start` and `test` agree.
 *
 * ```
 * my-app/
 *   vango.config.ts     config (optional)
 *   app/routes/         pages, layouts, middleware, API routes
 *   app/.vango/         generated (route table, compiled config); not committed
 *   public/             static files (config: publicDir)
 * ```
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface AppLayout {
  /** The app's root folder (holds package.json / vango.config.ts). */
  root: string;
  appDir: string;
  routesDir: string;
  /** Generated files. */
  genDir: string;
  /** The generated route table module. */
  routesModule: string;
  /** `vango.config.ts` (or .mts/.js/.mjs) when present. */
  configFile: string | undefined;
}

export const CONFIG_NAMES = ['vango.config.ts', 'vango.config.mts', 'vango.config.js', 'vango.config.mjs'] as const;

/** The layout of the app at `root`. */
export function appLayout(root: string): AppLayout {
  const r = resolve(root);
  const appDir = join(r, 'app');
  const genDir = join(appDir, '.vango');
  const configFile = CONFIG_NAMES.map((n) => join(r, n)).find((f) => existsSync(f));
  return { root: r, appDir, routesDir: join(appDir, 'routes'), genDir, routesModule: join(genDir, 'routes.gen.ts'), configFile };
}

/** The nearest folder at or above `from` that looks like a Vango app (config file or `app/routes`). */
export function findAppRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (CONFIG_NAMES.some((n) => existsSync(join(dir, n))) || existsSync(join(dir, 'app', 'routes'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
