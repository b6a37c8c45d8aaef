/**
 * `dist/manifest.json`, written by `vango build` and read by the production server: logical asset names
 * → content-hashed files, with their sizes.
 */

/** One emitted file. Paths are relative to the output folder, with `/`. */
export interface ManifestFile {
  file: string;
  /** Bytes of the file itself. */
  size: number;
  /** Bytes of the `.gz` / `.br` siblings, when the file was precompressed. */
  gzip?: number;
  brotli?: number;
}

/** An asset served under `url` (hashed, cached forever). */
export interface ManifestAsset extends ManifestFile {
  url: string;
}

export interface BuildManifest {
  version: 1;
  /** The thin client's URL (the App's `clientPath`). */
  client: string;
  /** Scripts every page loads after the client (the app's hooks), by URL. */
  scripts?: string[];
  /** Hashed assets by logical name (`vango.js`, `hooks.js`). */
  assets: Record<string, ManifestAsset>;
  /** Files copied from `public/`, by their path inside it. */
  public: Record<string, ManifestFile>;
  server: ManifestFile;
  /** The gzip budget of the client (bytes), checked by the size report. */
  budget: { client: number };
}

/** Parse a manifest, failing clearly when it is not one (a stale or foreign `dist/`). */
export function parseManifest(text: string, file = 'manifest.json'): BuildManifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message}); run \`vango build\` again`);
  }
  const o = m as Partial<BuildManifest> | null;
  if (!o || o.version !== 1 || typeof o.client !== 'string' || typeof o.assets !== 'object') {
    throw new Error(`${file}: not a Vango build manifest (version 1); run \`vango build\` again`);
  }
  return o as BuildManifest;
}
