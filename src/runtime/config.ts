/**
 * App configuration (`vango.config.ts`): `export default defineConfig({ ... })`.
 */

/** Settings for an app (`vango.config.ts`). Every field is optional. */
export interface VangoConfig {
  /** The HTTP server. */
  server?: {
    /** Port to listen on. */
    port?: number;
    /** Interface to bind (`127.0.0.1`, `0.0.0.0`, `::`). */
    host?: string;
    /** Origins allowed to open the live socket besides the page's own (`https://example.com`). */
    origins?: string[];
  };
  /** The HTML document around every page. */
  app?: {
    /** `<html lang>`. */
    lang?: string;
    /** Stylesheets linked from every page. */
    stylesheets?: string[];
  };
  /** The file router. */
  routes?: {
    /** `'never'` (default) redirects `/a/` to `/a`, `'always'` the reverse, `'ignore'` matches both. */
    trailingSlash?: 'never' | 'always' | 'ignore';
  };
  /** Live session limits. */
  sessions?: {
    /** Most sessions held at once. */
    maxSessions?: number;
    /** How long a disconnected session can be resumed (ms). */
    resumeWindowMs?: number;
    /** How long a session may stay without events before it is closed (ms). */
    idleTimeoutMs?: number;
  };
  /** Folder of static files served before the pages, relative to the app root. Default `'public'`. */
  publicDir?: string;
  /** `vango dev`. */
  dev?: {
    /** Open the browser when the dev server starts. */
    open?: boolean;
  };
}

/** Returns `config` unchanged; it exists so the config file is type-checked. */
export function defineConfig(config: VangoConfig): VangoConfig {
  return config;
}
