/** Content hashes for asset names: the name changes exactly when the bytes do. */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';

/** 8 hex characters of the SHA-256 of `bytes` (collisions within one app are not a concern). */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

/** `vango.js` + `3f2a1b4c` → `vango.3f2a1b4c.js`. */
export function hashedName(name: string, hash: string): string {
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}
