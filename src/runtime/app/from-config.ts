/**
 * `vango.config.ts` → the app's options. Shared by `vango dev`, `vango start` and the built server, so
 * every way of running an app reads the config the same way.
 */
import type { VangoConfig } from '../config.ts';
import type { AppOptions } from './app.ts';

/** App options for a config, over `base` (what the host adds: the route table, dev mode, paths). */
export function appOptionsFromConfig(config: VangoConfig, base: AppOptions = {}): AppOptions {
  const s = config.sessions;
  return {
    ...base,
    lang: config.app?.lang ?? base.lang,
    stylesheets: [...(config.app?.stylesheets ?? []), ...(base.stylesheets ?? [])],
    origins: [...(config.server?.origins ?? []), ...(base.origins ?? [])],
    router: { ...base.router, ...(config.routes?.trailingSlash ? { trailingSlash: config.routes.trailingSlash } : {}) },
    sessions: {
      ...base.sessions,
      ...(s?.maxSessions !== undefined ? { maxSessions: s.maxSessions } : {}),
      ...(s?.resumeWindowMs !== undefined ? { resumeWindow: s.resumeWindowMs } : {}),
      ...(s?.idleTimeoutMs !== undefined ? { idleTimeout: s.idleTimeoutMs } : {}),
    },
  };
}
