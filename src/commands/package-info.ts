import { readFileSync } from 'node:fs';

export interface PackageInfo {
  name: string;
  version: string;
}

/**
 * Reads vango's own package.json at run time. The relative URL holds for both
 * src/commands/*.ts and dist/commands/*.js, which sit at the same depth.
 */
export function readPackageInfo(): PackageInfo {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Partial<PackageInfo>;
  return { name: pkg.name ?? 'vango', version: pkg.version ?? '0.0.0' };
}
