/**
 * Static files: an app's `public/` folder tried before its pages (`serve`), and a built app's hashed
 * assets and public files with their precompressed siblings (`startServer`).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pickEncoding, type Encoding } from './compress.ts';

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

export interface FileHandlerOptions {
  /** URL path the folder is mounted at (`/assets`); `''` for the site root. */
  prefix: string;
  /** Names are content-hashed: `cache-control: public, max-age=31536000, immutable`, no revalidation. */
  immutable: boolean;
  /** Answer 404 for a missing file under `prefix` instead of passing to the app. */
  exclusive?: boolean;
  /** Offer the file's `.br`/`.gz` siblings (a build writes them) by `Accept-Encoding`. */
  precompressed?: boolean;
  /** Answer a malformed escape (400) or a `.`/`..` segment (404) here instead of passing it on. */
  answerBadPaths?: boolean;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';
const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } as const;

/** A regular file inside `base` (a real path): symlinks are resolved, so one pointing outside is refused. */
async function fileIn(base: string, segments: string[]): Promise<{ file: string; size: number; mtime: Date } | undefined> {
  try {
    const file = await realpath(join(base, ...segments));
    if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return undefined;
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size, mtime: info.mtime } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serve regular files of `dir` (absolute) for GET/HEAD under `prefix`, with an etag (304 on a match)
 * and, when `precompressed`, their `.br`/`.gz` siblings. Anything else passes to the app.
 */
export function createFileHandler(dir: string, opts: FileHandlerOptions): StaticHandler {
  let root: Promise<string | undefined> | undefined;
  const realRoot = () => (root ??= realpath(dir).catch(() => undefined));
  const answer = (res: ServerResponse, status: 400 | 404) => {
    res.writeHead(status, TEXT);
    res.end(status === 400 ? 'Bad Request' : 'Not Found');
    return true;
  };

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.search(/[?#]/);
    const path = q === -1 ? url : url.slice(0, q);
    if (opts.prefix && !path.startsWith(`${opts.prefix}/`)) return false;
    const parsed = parseStaticPath(path.slice(opts.prefix.length));
    if (parsed.kind === 'skip') return false;
    if (parsed.kind !== 'ok') {
      if (opts.answerBadPaths) return answer(res, parsed.kind === 'bad-escape' ? 400 : 404);
      return opts.exclusive ? answer(res, 404) : false;
    }
    if (parsed.segments.length === 0) return opts.exclusive ? answer(res, 404) : false;
    const base = await realRoot();
    const found = base ? await fileIn(base, parsed.segments) : undefined;
    if (!base || !found) return opts.exclusive ? answer(res, 404) : false;

    const etag = `"${found.size.toString(16)}-${Math.floor(found.mtime.getTime()).toString(16)}"`;
    // Which precompressed siblings exist decides what can be offered.
    const variants: Encoding[] = [];
    const sizes: Partial<Record<Encoding, number>> = {};
    if (opts.precompressed) {
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
        const v = await fileIn(base, [...parsed.segments.slice(0, -1), parsed.segments.at(-1)! + ext]);
        if (v) {
          variants.push(enc);
          sizes[enc] = v.size;
        }
      }
    }
    const enc = variants.length > 0 ? pickEncoding(req.headers['accept-encoding'], variants) : undefined;
    const headers: Record<string, string | number> = {
      'content-type': contentType(found.file),
      'cache-control': opts.immutable ? IMMUTABLE : REVALIDATE,
      'x-content-type-options': 'nosniff',
      'last-modified': found.mtime.toUTCString(),
      etag: enc ? `${etag.slice(0, -1)}-${enc}"` : etag,
      ...(variants.length > 0 ? { vary: 'accept-encoding' } : {}),
    };
    if (!opts.immutable && matchesEtag(req.headers['if-none-match'], headers.etag as string)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const file = enc ? found.file + (enc === 'br' ? '.br' : '.gz') : found.file;
    res.writeHead(200, { ...headers, 'content-length': enc ? sizes[enc]! : found.size, ...(enc ? { 'content-encoding': enc } : {}) });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    // A client gone mid-file is not a server error; the socket is simply dropped.
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
    return true;
  };
}

/** An app's `public/` folder in `serve()`: tried before the pages, revalidated on every use. */
export function createStaticHandler(publicDir: string): StaticHandler {
  return createFileHandler(publicDir, { prefix: '', immutable: false, answerBadPaths: true });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
