/**
 * The project name: one string that is both the folder name and the npm package name, so it must
 * satisfy npm's rules and be a folder name on every OS (Windows included).
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const NPM_RESERVED = new Set(['node_modules', 'favicon.ico']);

/** Why `name` cannot name a project, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > 214) return 'the name is longer than 214 characters';
  if (name !== name.toLowerCase()) return `the name must be lowercase (try '${name.toLowerCase()}')`;
  if (/^[._]/.test(name)) return 'the name cannot start with a dot or an underscore';
  if (/[^a-z0-9._~-]/.test(name)) return 'use only lowercase letters, digits and . _ ~ - (no spaces or slashes)';
  if (/[. ]$/.test(name)) return 'the name cannot end with a dot';
  if (NPM_RESERVED.has(name)) return `'${name}' is a reserved name`;
  if (WINDOWS_RESERVED.test(name)) return `'${name}' is a reserved file name on Windows`;
  return undefined;
}

/** A best-effort valid name derived from `text` (for defaults and suggestions). */
export function toValidName(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+/, '')
    .replace(/[.-]+$/, '')
    .slice(0, 214);
  return s.length > 0 && nameProblem(s) === undefined ? s : 'vango-app';
}
