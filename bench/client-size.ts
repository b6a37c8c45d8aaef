/**
 * Thin client size: `npx node bench/client-size.ts`. Builds `src/client/index.ts` as the server serves
 * it (esbuild: bundle, minify, IIFE, es2020) and prints raw, minified, gzip (level 9) and brotli sizes,
 * plus what each module contributes to the minified bundle.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Sizes in bytes. */
export interface ClientSize {
  /** Bundled, not minified. */
  raw: number;
  min: number;
  /** zlib level 9, as the size test and the server's precompressed asset. */
  gzip: number;
  brotli: number;
}

const entry = fileURLToPath(new URL('../src/client/index.ts', import.meta.url));

/** The client bundle as the Node adapter builds it (see src/runtime/node/client-asset.ts). */
export async function buildClient(minify = true): Promise<{ code: Uint8Array; modules: [string, number][] }> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    metafile: true,
  });
  const inputs = Object.values(out.metafile.outputs)[0]!.inputs;
  const modules = Object.entries(inputs)
    .map(([p, v]): [string, number] => [p, v.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  return { code: out.outputFiles[0]!.contents, modules };
}

export const gzipSize = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;

export async function runClientSizeBench(): Promise<ClientSize> {
  const [raw, min] = await Promise.all([buildClient(false), buildClient(true)]);
  const size: ClientSize = {
    raw: raw.code.length,
    min: min.code.length,
    gzip: gzipSize(min.code),
    brotli: brotliCompressSync(min.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`.padStart(9);
  console.log('client bundle (src/client/index.ts)');
  console.log(`  raw     ${kb(size.raw)}  (${size.raw} B)`);
  console.log(`  min     ${kb(size.min)}  (${size.min} B)`);
  console.log(`  gzip    ${kb(size.gzip)}  (${size.gzip} B, budget 8192 B)`);
  console.log(`  brotli  ${kb(size.brotli)}  (${size.brotli} B)`);
  console.log('  minified bytes by module:');
  for (const [p, n] of min.modules) if (n > 0) console.log(`    ${String(n).padStart(6)}  ${p}`);
  return size;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runClientSizeBench();
