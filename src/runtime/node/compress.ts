/**
 * Response compression for the production server: the client's preferred encoding among brotli and
 * gzip, applied to text bodies (HTML, JSON, JS, CSS, SVG).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Smaller bodies are sent as they are: the headers would eat the gain. */
export const MIN_COMPRESS_BYTES = 512;

/**
 * The encoding to use for `accept-encoding`, brotli first, honouring `q=0`. Undefined: identity.
 * `available` limits the choice (e.g. to the precompressed siblings that exist).
 */
export function pickEncoding(header: string | string[] | undefined, available: readonly Encoding[] = ['br', 'gzip']): Encoding | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (enc: Encoding) => q.get(enc) ?? q.get('*') ?? 0;
  let best: Encoding | undefined;
  for (const enc of available) if (weight(enc) > 0 && (best === undefined || weight(enc) > weight(best))) best = enc;
  return best;
}

/** Whether a content type is worth compressing. */
export function compressible(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  return t.startsWith('text/') || t === 'application/json' || t === 'application/javascript' || t === 'application/xml' || t === 'image/svg+xml' || t === 'application/manifest+json';
}

/** Compress bytes with `enc` (brotli at a quality fit for per-request work). */
export function compress(body: Uint8Array, enc: Encoding): Uint8Array {
  if (enc === 'gzip') return gzipSync(body, { level: 6 });
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/**
 * Write a standard Response to Node, compressing a text body when the client accepts it. Response
 * headers replace the ones already set on `res` (the security defaults), except `set-cookie`, which adds.
 */
export async function sendCompressed(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => {
    if (key === 'set-cookie') return;
    res.setHeader(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const type = response.headers.get('content-type');
  if (!compressible(type) || response.headers.has('content-encoding')) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
    return;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  res.appendHeader('vary', 'accept-encoding');
  const enc = body.length >= MIN_COMPRESS_BYTES ? pickEncoding(req.headers['accept-encoding']) : undefined;
  const out = enc ? compress(body, enc) : body;
  if (enc) res.setHeader('content-encoding', enc);
  res.setHeader('content-length', out.length);
  res.end(out);
}
