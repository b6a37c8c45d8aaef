/** The app's tsconfig `paths` as vite aliases, so tests import what the app imports. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Alias {
  find: RegExp;
  replacement: string;
}

/** tsconfig is JSONC: drop comments and trailing commas (strings are kept intact). */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i === -1) break;
      i++;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Aliases for `compilerOptions.paths` (first target of each; `*` wildcards become a capture). */
export function pathsToAliases(paths: Record<string, string[]>, baseDir: string): Alias[] {
  const out: Alias[] = [];
  for (const [key, targets] of Object.entries(paths)) {
    const target = targets[0];
    if (!target) continue;
    const star = key.indexOf('*');
    if (star === -1) {
      out.push({ find: new RegExp(`^${escape(key)}$`), replacement: resolve(baseDir, target) });
    } else {
      const find = new RegExp(`^${escape(key.slice(0, star))}(.*)${escape(key.slice(star + 1))}$`);
      out.push({ find, replacement: resolve(baseDir, target.replace('*', '\0')).replace('\0', '$1') });
    }
  }
  // Longer (more specific) keys first, as TypeScript matches them.
  return out.sort((a, b) => b.find.source.length - a.find.source.length);
}

/** The aliases of `root/tsconfig.json` (none when it is missing or has no `paths`). */
export function tsconfigAliases(root: string): Alias[] {
  const file = resolve(root, 'tsconfig.json');
  if (!existsSync(file)) return [];
  const json = parseJsonc(readFileSync(file, 'utf8')) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
  const co = json.compilerOptions ?? {};
  return co.paths ? pathsToAliases(co.paths, resolve(root, co.baseUrl ?? '.')) : [];
}
