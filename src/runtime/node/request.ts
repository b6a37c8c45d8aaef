/**
 * Node's http messages ↔ standard Request/Response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** Largest request body accepted (bytes). */
export const MAX_BODY = 1 << 20;

export function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    let seen = 0;
    const limited = Readable.from(
      (async function* () {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          seen += chunk.length;
          if (seen > MAX_BODY) throw new Error(`request body over ${MAX_BODY} bytes`);
          yield chunk;
        }
      })(),
    );
    init.body = Readable.toWeb(limited) as ReadableStream;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', base), init);
}

export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.appendHeader(key, value));
  if (!response.body) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}
