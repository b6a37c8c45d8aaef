/** Precompression of built files: `.br` and `.gz` siblings the production server sends as they are. */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Extensions of files worth precompressing (text formats; images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.txt', '.xml', '.webmanifest', '.wasm', '.ico']);

/** Below this, a compressed sibling saves nothing worth a file. */
export const MIN_PRECOMPRESS_BYTES = 256;

export function isCompressible(file: string): boolean {
  return COMPRESSIBLE.has(extname(file).toLowerCase());
}

export interface CompressedSizes {
  gzip: number;
  brotli: number;
}

/** Both encodings at their highest level (build time, not request time). */
export function compressBoth(bytes: Uint8Array): { gzip: Uint8Array; brotli: Uint8Array } {
  return {
    gzip: gzipSync(bytes, { level: 9 }),
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  };
}

/**
 * Write `file.br` and `file.gz` next to `file` when it is compressible and large enough; returns their
 * sizes, or undefined when nothing was written.
 */
export function precompress(file: string): CompressedSizes | undefined {
  if (!isCompressible(file)) return undefined;
  const bytes = readFileSync(file);
  if (bytes.length < MIN_PRECOMPRESS_BYTES) return undefined;
  const { gzip, brotli } = compressBoth(bytes);
  writeFileSync(`${file}.gz`, gzip);
  writeFileSync(`${file}.br`, brotli);
  return { gzip: gzip.length, brotli: brotli.length };
}
