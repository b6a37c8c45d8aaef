/**
 * Serve an app on Node: pages over HTTP, the thin client, and live sessions over WebSocket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app/app.ts';
import { clientAsset } from './client-asset.ts';
import { sendResponse, toRequest } from './request.ts';
import { attachSockets } from './socket.ts';
import { createStaticHandler } from './static.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Heartbeat period for sockets (ms). */
  heartbeat?: number;
  /** Extra handler tried before the app (static files, dev endpoints); returns undefined to pass. */
  before?: (request: Request) => Response | undefined | Promise<Response | undefined>;
  /**
   * Absolute path of a folder whose regular files are served for GET/HEAD before the app's pages
   * (etag, `must-revalidate`). Directories and missing files fall through to the app.
   */
  publicDir?: string;
  /**
   * Node-level handler tried first, for responses that need the raw socket (the dev server's event
   * stream). Returns true when it answered.
   */
  raw?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

export interface Served {
  server: Server;
  /** `http://host:port` */
  url: string;
  port: number;
  /** Stop accepting, finish in-flight events, close sessions with a reason (`restart`: tell clients to reconnect), then stop the server. */
  close(graceMs?: number, restart?: boolean): Promise<void>;
}

export async function serve(app: App, opts: ServeOptions = {}): Promise<Served> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = attachSockets(app, { heartbeat: opts.heartbeat ?? 30_000 });
  const files = opts.publicDir ? createStaticHandler(opts.publicDir) : undefined;
  const server = createServer(async (req, res) => {
    try {
      const base = `http://${req.headers.host ?? `${host}`}`;
      const url = new URL(req.url ?? '/', base);
      if (opts.raw && (await opts.raw(req, res))) return;
      if (url.pathname === app.clientPath) {
        const a = await clientAsset();
        const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        res.writeHead(req.headers['if-none-match'] === a.etag ? 304 : 200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'no-cache',
          etag: a.etag,
          vary: 'accept-encoding',
          ...(gz ? { 'content-encoding': 'gzip' } : {}),
        });
        res.end(req.headers['if-none-match'] === a.etag ? undefined : gz ? a.gzip : a.body);
        return;
      }
      if (files && (await files(req, res))) return;
      const request = toRequest(req, base);
      const early = opts.before ? await opts.before(request) : undefined;
      await sendResponse(res, early ?? (await app.fetch(request)));
    } catch (err) {
      console.error('[vango] request failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    }
  });
  server.on('upgrade', sockets.upgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3000, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port,
    url: `http://${shownHost}:${port}`,
    async close(graceMs = 2_000, restart = false) {
      server.close();
      await app.close(graceMs, restart);
      sockets.close();
      server.closeAllConnections();
    },
  };
}
