/**
 * The thin client bundle: read from the package's `dist/client/`, or built on the fly with esbuild when
 * running from a source checkout that was not built yet.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface Asset {
  body: Uint8Array;
  gzip: Uint8Array;
  etag: string;
}

const root = new URL('../../../', import.meta.url);

let cached: Promise<Asset> | undefined;

function asset(code: Uint8Array): Asset {
  return { body: code, gzip: gzipSync(code, { level: 9 }), etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 16)}"` };
}

/** The client bundle (cached for the process). */
export function clientAsset(): Promise<Asset> {
  cached ??= (async () => {
    const built = new URL('dist/client/vango.js', root);
    const src = new URL('src/client/index.ts', root);
    if (existsSync(built) && !existsSync(src)) return asset(readFileSync(built));
    if (existsSync(src)) {
      // A source checkout: build from source so the client always matches the runtime.
      const esbuild = await import('esbuild');
      const out = await esbuild.build({
        entryPoints: [fileURLToPath(src)],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2020',
        write: false,
        legalComments: 'none',
      });
      return asset(out.outputFiles[0]!.contents);
    }
    if (existsSync(built)) return asset(readFileSync(built));
    throw new Error('vango: the client bundle is missing (dist/client/vango.js); run `npm run build` in the vango package');
  })();
  return cached;
}
