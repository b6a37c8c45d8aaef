/**
 * `vango/server`: the Node adapter.
 */
export { serve, type ServeOptions, type Served } from './serve.ts';
export { createApp, App, type AppOptions, type Resolver, type Resolution } from '../app/app.ts';
export { appOptionsFromConfig } from '../app/from-config.ts';
export { startServer, type StartOptions, type StartedServer } from './start.ts';
export type { BuildManifest, ManifestAsset, ManifestFile } from './manifest.ts';
