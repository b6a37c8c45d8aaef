/** Writes `dist/manifest.json` (the shape is shared with the server: runtime/node/manifest.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildManifest } from '../../runtime/node/manifest.ts';

export type { BuildManifest } from '../../runtime/node/manifest.ts';

/** The client's gzip budget (bytes): the README promises ≤ 8 KB min+gzip. */
export const CLIENT_GZIP_BUDGET = 8192;

export function writeManifest(outdir: string, manifest: BuildManifest): string {
  const file = join(outdir, 'manifest.json');
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}
