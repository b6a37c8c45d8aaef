/**
 * Files from an app's `public/` folder, tried before the app's pages.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Content type for a file name, from a small built-in table; `application/octet-stream` otherwise. */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Result of mapping a request path to the folder: the decoded segments; `bad-escape` (400);
 * `traversal` (`..`/`.` segments, 404); or `skip` (no file can have that name, but an app param might,
 * e.g. `%2F`, so the app gets it without the file system being touched).
 */
export type StaticPath =
  | { kind: 'ok'; segments: string[] }
  | { kind: 'bad-escape' }
  | { kind: 'traversal' }
  | { kind: 'skip' };

/**
 * Decode a raw request path (as sent, before any dot-segment normalisation) into safe segments.
 * The raw path is checked because `new URL()` would silently resolve `..` and `%2e%2e`.
 */
export function parseStaticPath(rawPath: string): StaticPath {
  if (!rawPath.startsWith('/')) return { kind: 'skip' };
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad-escape' };
    }
    if (seg === '') continue;
    if (seg === '.' || seg === '..') return { kind: 'traversal' };
    // Encoded separators, NUL and drive/stream syntax could name something outside the folder.
    if (/[/\\\0:]/.test(seg)) return { kind: 'skip' };
    segments.push(seg);
  }
  return { kind: 'ok', segments };
}

/** A per-folder static handler: writes the response and returns true, or returns false to pass. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Serve regular files inside `publicDir` (absolute) for GET/HEAD; anything else passes to the app. */
export function createStaticHandler(publicDir: string): StaticHandler {
  let root: Promise<string | undefined> | undefined;
  const realRoot = () => (root ??= realpath(publicDir).catch(() => undefined));

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.search(/[?#]/);
    const parsed = parseStaticPath(q === -1 ? url : url.slice(0, q));
    if (parsed.kind === 'skip') return false;
    if (parsed.kind !== 'ok') {
      const status = parsed.kind === 'bad-escape' ? 400 : 404;
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(status === 400 ? 'Bad Request' : 'Not Found');
      return true;
    }
    if (parsed.segments.length === 0) return false;
    const base = await realRoot();
    if (!base) return false;
    let file: string;
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      // realpath resolves symlinks, so a link pointing outside the folder is caught by the prefix check.
      file = await realpath(join(base, ...parsed.segments));
      if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return false;
      info = await stat(file);
    } catch {
      return false;
    }
    if (!info.isFile()) return false;

    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'content-type': contentType(file),
      'cache-control': 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
      'last-modified': info.mtime.toUTCString(),
      etag,
    };
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': info.size });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    // A client gone mid-file is not a server error; the socket is simply dropped.
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
    return true;
  };
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
