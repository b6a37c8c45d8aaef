/**
 * Packages left external must be installed where the server will run; a missing one is reported at
 * build time with the file and line that imports it, like any other import error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as esbuild from 'esbuild';
import { codeFrame, type Diagnostic } from '../diagnostics.ts';

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || builtinModules.includes(packageName(spec));
}

/** Whether `pkg` is installed in a node_modules at or above `from`. */
export function packageInstalled(pkg: string, from: string): boolean {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', pkg, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Diagnostics for external imports in `metafile` that do not resolve from the app root. */
export function missingPackages(metafile: esbuild.Metafile, root: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [input, info] of Object.entries(metafile.inputs)) {
    for (const imp of info.imports) {
      if (!imp.external || isBuiltin(imp.path) || imp.path.startsWith('.') || imp.path.startsWith('/')) continue;
      const pkg = packageName(imp.path);
      if (packageInstalled(pkg, root)) continue;
      const abs = resolve(root, input);
      const source = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
      const at = Math.max(source.indexOf(`'${imp.path}'`), source.indexOf(`"${imp.path}"`));
      const before = at >= 0 ? source.slice(0, at) : '';
      const line = at >= 0 ? before.split('\n').length : 0;
      const column = at >= 0 ? at - before.lastIndexOf('\n') : 0;
      out.push({
        message: `Could not resolve "${imp.path}" (the package "${pkg}" is not installed; add it to dependencies)`,
        file: input.split('\\').join('/'),
        absFile: abs,
        line,
        column,
        frame: at >= 0 ? codeFrame(source, line, column) : '',
      });
    }
  }
  return out;
}
