/**
 * The production server: what `dist/server.js` (written by `vango build`) calls. Production defaults:
 * compressed responses, precompressed hashed assets cached forever, security headers, no dev endpoints,
 * graceful shutdown on SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App, type AppOptions } from '../app/app.ts';
import { appOptionsFromConfig } from '../app/from-config.ts';
import { validateConfig, type VangoConfig } from '../config.ts';
import type { RouteTable } from '../router/table.ts';
import { sendCompressed } from './compress.ts';
import { parseManifest, type BuildManifest } from './manifest.ts';
import { createFileHandler } from './static.ts';
import { toRequest } from './request.ts';
import { SECURITY_HEADERS } from './security.ts';
import { attachSockets } from './socket.ts';

export interface StartOptions {
  /** The generated route table. */
  routeTable: RouteTable;
  /** The app's `vango.config.ts` default export. */
  config?: VangoConfig;
  /** The build's output folder (holds `manifest.json`, `assets/`, `public/`); a path or file URL. */
  root: string | URL;
  /** The manifest; read from `<root>/manifest.json` when omitted. */
  manifest?: BuildManifest;
  /** Default: `PORT`, then the config's `server.port`, then 3000. */
  port?: number;
  /** Default: `HOST`, then the config's `server.host`, then `0.0.0.0`. */
  host?: string;
  /** Extra app options (over the config's). */
  app?: AppOptions;
  /** Install SIGTERM/SIGINT handlers that close gracefully (default true). */
  signals?: boolean;
  /** Print the address when listening (default true). */
  log?: boolean;
}

export interface StartedServer {
  app: App;
  server: Server;
  url: string;
  port: number;
  close(graceMs?: number): Promise<void>;
}

function envPort(): number | undefined {
  const p = process.env.PORT;
  if (p === undefined || p === '') return undefined;
  const n = Number(p);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(p)}`);
  return n;
}

/** Serve a built app. Resolves once listening. */
export async function startServer(opts: StartOptions): Promise<StartedServer> {
  const root = typeof opts.root === 'string' ? opts.root : fileURLToPath(opts.root);
  const config = validateConfig(opts.config);
  const manifestFile = join(root, 'manifest.json');
  const manifest = opts.manifest ?? parseManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  const app = createApp(appOptionsFromConfig(config, { ...opts.app, routeTable: opts.routeTable, dev: false, clientPath: manifest.client, scripts: [...(manifest.scripts ?? []), ...(opts.app?.scripts ?? [])] }));
  const assets = createFileHandler(join(root, 'assets'), { prefix: '/assets', immutable: true, exclusive: true, precompressed: true });
  const files = createFileHandler(join(root, 'public'), { prefix: '', immutable: false, precompressed: true });
  const sockets = attachSockets(app, { heartbeat: 30_000 });

  const server = createServer(async (req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    try {
      if ((await assets(req, res)) || (await files(req, res))) return;
      const base = `http://${req.headers.host ?? 'localhost'}`;
      await sendCompressed(req, res, await app.fetch(toRequest(req, base)));
    } catch (err) {
      console.error('[vango] request failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    }
  });
  server.on('upgrade', sockets.upgrade);

  const port = opts.port ?? envPort() ?? config.server?.port ?? 3000;
  const host = opts.host ?? (process.env.HOST || undefined) ?? config.server?.host ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${actual}`;

  let closing: Promise<void> | undefined;
  const close = (graceMs = 5_000): Promise<void> =>
    (closing ??= (async () => {
      server.close();
      await app.close(graceMs);
      sockets.close();
      server.closeAllConnections();
    })());

  if (opts.signals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (opts.log ?? true) console.log(`vango: ${signal}, shutting down`);
      void close().then(() => process.exit(0));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  if (opts.log ?? true) console.log(`vango: serving on ${url}`);
  return { app, server, url, port: actual, close };
}
