/**
 * Files of a built app (`dist/assets`, `dist/public`) served with their precompressed `.br`/`.gz`
 * siblings when the client accepts them. Hashed assets are cached forever; public files revalidate.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pickEncoding, type Encoding } from './compress.ts';
import { contentType, parseStaticPath, type StaticHandler } from './static.ts';

export interface FileHandlerOptions {
  /** URL path the folder is mounted at (`/assets`); `''` for the site root. */
  prefix: string;
  /** Names are content-hashed: `cache-control: public, max-age=31536000, immutable`. */
  immutable: boolean;
  /** Answer 404 for a missing file under `prefix` instead of passing to the app. */
  exclusive?: boolean;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

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

/** Serve regular files of `dir` (absolute) for GET/HEAD under `prefix`; anything else passes. */
export function createFileHandler(dir: string, opts: FileHandlerOptions): StaticHandler {
  let root: Promise<string | undefined> | undefined;
  const realRoot = () => (root ??= realpath(dir).catch(() => undefined));
  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not Found');
    return true;
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.search(/[?#]/);
    const path = q === -1 ? url : url.slice(0, q);
    if (opts.prefix && !path.startsWith(`${opts.prefix}/`)) return false;
    const parsed = parseStaticPath(path.slice(opts.prefix.length));
    if (parsed.kind !== 'ok' || parsed.segments.length === 0) return opts.exclusive && parsed.kind !== 'skip' ? notFound(res) : false;
    const base = await realRoot();
    const found = base ? await fileIn(base, parsed.segments) : undefined;
    if (!base || !found) return opts.exclusive ? notFound(res) : false;

    const etag = `"${found.size.toString(16)}-${Math.floor(found.mtime.getTime()).toString(16)}"`;
    const type = contentType(found.file);
    // Which precompressed siblings exist decides what can be offered.
    const variants: Encoding[] = [];
    const sizes: Partial<Record<Encoding, number>> = {};
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
      const v = await fileIn(base, [...parsed.segments.slice(0, -1), parsed.segments.at(-1)! + ext]);
      if (v) {
        variants.push(enc);
        sizes[enc] = v.size;
      }
    }
    const enc = variants.length > 0 ? pickEncoding(req.headers['accept-encoding'], variants) : undefined;
    const headers: Record<string, string | number> = {
      'content-type': type,
      'cache-control': opts.immutable ? IMMUTABLE : REVALIDATE,
      'last-modified': found.mtime.toUTCString(),
      etag: enc ? `${etag.slice(0, -1)}-${enc}"` : etag,
      ...(variants.length > 0 ? { vary: 'accept-encoding' } : {}),
    };
    if (!opts.immutable && req.headers['if-none-match'] === headers.etag) {
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
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
    return true;
  };
}
