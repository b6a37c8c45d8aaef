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
  /** `vango test`. */
  test?: {
    /** Chromium for `vango test --browser` (relative to the app root or absolute). Default `/usr/bin/chromium`; `VANGO_CHROMIUM` overrides it. */
    browser?: string;
  };
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

/** A `vango.config.ts` whose shape is wrong: the path of the bad key and what was expected. */
export class ConfigError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`vango.config: ${path || 'the default export'}: ${message}`);
    this.name = 'ConfigError';
    this.path = path;
  }
}

type Check = (v: unknown, path: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, want: string, v: unknown): never {
  throw new ConfigError(path, `expected ${want}, got ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : typeof v}`);
}

const str: Check = (v, p) => void (typeof v === 'string' || fail(p, 'a string', v));
const bool: Check = (v, p) => void (typeof v === 'boolean' || fail(p, 'true or false', v));
const count = (min: number, max: number): Check => (v, p) =>
  void ((typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) || fail(p, `an integer from ${min} to ${max}`, v));
const strings: Check = (v, p) => {
  if (!Array.isArray(v)) fail(p, 'a list of strings', v);
  v.forEach((x, i) => str(x, `${p}[${i}]`));
};
const oneOf = (...xs: string[]): Check => (v, p) => void (xs.includes(v as string) || fail(p, xs.map((x) => `'${x}'`).join(' | '), v));

function shape(fields: Record<string, Check>): Check {
  return (v, p) => {
    if (!isObject(v)) fail(p, 'an object', v);
    for (const k of Object.keys(v)) {
      const check = fields[k];
      if (!check) throw new ConfigError(p ? `${p}.${k}` : k, `unknown key (known: ${Object.keys(fields).join(', ')})`);
      if (v[k] !== undefined) check(v[k], p ? `${p}.${k}` : k);
    }
  };
}

const checkConfig = shape({
  server: shape({ port: count(0, 65535), host: str, origins: strings }),
  app: shape({ lang: str, stylesheets: strings }),
  routes: shape({ trailingSlash: oneOf('never', 'always', 'ignore') }),
  sessions: shape({ maxSessions: count(1, 10_000_000), resumeWindowMs: count(0, 86_400_000), idleTimeoutMs: count(0, 86_400_000 * 7) }),
  publicDir: str,
  test: shape({ browser: str }),
  dev: shape({ open: bool }),
});

/**
 * Check a loaded config object (the default export of `vango.config.ts`) at run time: the types catch
 * mistakes in the editor, this catches them in plain JS configs and before a server starts.
 */
export function validateConfig(value: unknown): VangoConfig {
  if (value === undefined) return {};
  checkConfig(value, '');
  return value as VangoConfig;
}
