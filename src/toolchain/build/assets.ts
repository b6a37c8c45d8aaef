/**
 * Static output: the thin client copied under a content-hashed name, and `public/` copied as is. Every
 * compressible file gets `.br`/`.gz` siblings.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { clientAsset } from '../../runtime/node/client-asset.ts';
import type { ManifestAsset, ManifestFile } from '../../runtime/node/manifest.ts';
import { precompress } from './compress.ts';
import { contentHash, hashedName } from './hash.ts';

const posix = (p: string) => p.split('\\').join('/');

/** Write `bytes` as `assets/<name with hash>` and its compressed siblings. */
export function emitHashedAsset(outdir: string, name: string, bytes: Uint8Array): ManifestAsset {
  const file = `assets/${hashedName(name, contentHash(bytes))}`;
  const abs = join(outdir, file);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, bytes);
  const sizes = precompress(abs);
  return {
    file,
    url: `/${file}`,
    size: bytes.length,
    // Small files are not precompressed; their sizes are still reported.
    gzip: sizes?.gzip ?? gzipSync(bytes, { level: 9 }).length,
    brotli: sizes?.brotli ?? brotliCompressSync(bytes).length,
  };
}

/** The thin client from the installed vango package (built from source in a vango checkout). */
export async function emitClient(outdir: string): Promise<ManifestAsset> {
  const a = await clientAsset();
  return emitHashedAsset(outdir, 'vango.js', a.body);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** Copy `publicDir` into `outdir/public`, precompressing what is worth it; by path inside public/. */
export function copyPublic(publicDir: string, outdir: string): Record<string, ManifestFile> {
  const files: Record<string, ManifestFile> = {};
  if (!existsSync(publicDir) || !statSync(publicDir).isDirectory()) return files;
  for (const from of walk(publicDir)) {
    const rel = posix(relative(publicDir, from));
    const to = join(outdir, 'public', rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    const sizes = precompress(to);
    files[rel] = { file: `public/${rel}`, size: statSync(to).size, ...(sizes ? { gzip: sizes.gzip, brotli: sizes.brotli } : {}) };
  }
  return files;
}
