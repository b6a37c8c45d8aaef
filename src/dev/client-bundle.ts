/**
 * The dev script served at DEV_SCRIPT_PATH: built from source in a checkout (so it always matches the
 * server), else read from `dist/dev/client.js`, which `npm run build` writes. Mirrors the thin client's
 * lookup in src/runtime/node/client-asset.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// src/dev/ in a checkout, dist/dev/ once built: the package root is two levels up either way. Plain
// paths, not URL objects: under a DOM test environment the global URL is not Node's.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: Promise<string> | undefined;

/** The bundled dev script (one IIFE), cached for the process. */
export function buildDevClient(): Promise<string> {
  cached ??= load().catch((err: unknown) => {
    // Let the next request try again (a checkout mid-edit may build fine a moment later).
    cached = undefined;
    throw err;
  });
  return cached;
}

async function load(): Promise<string> {
  const built = join(root, 'dist', 'dev', 'client.js');
  const src = join(root, 'src', 'dev', 'client', 'index.ts');
  if (existsSync(src)) {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [src],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  }
  if (existsSync(built)) return readFileSync(built, 'utf8');
  throw new Error('vango: the dev script is missing (dist/dev/client.js); run `npm run build` in the vango package');
}
