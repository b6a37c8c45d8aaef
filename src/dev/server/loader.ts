/**
 * The dev module loader: the app's own source files (under the app root, outside node_modules) are
 * compiled with esbuild as they are imported (TS/TSX, Vango's JSX, inline source maps so stacks show
 * the user's lines) and given a version in their URL. Editing a file bumps the version of that file
 * and of every module that imports it, directly or not; importing the route table again then
 * re-evaluates exactly those modules. Everything else — `vango` itself, packages, unchanged app
 * modules such as a database handle — keeps its one instance, so its state and side effects survive.
 *
 * Each compiled module also registers its exports and top-level capitalized functions with the hot
 * registry (component identity = file + name).
 */
import { readFileSync } from 'node:fs';
import { registerHooks, type ModuleHooks } from 'node:module';
import { extname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync, type Loader } from 'esbuild';
import { SERVER_TARGET, VANGO_JSX } from '../../toolchain/esbuild-options.ts';

const LOADERS: Record<string, Loader> = { '.ts': 'ts', '.mts': 'ts', '.tsx': 'tsx', '.jsx': 'jsx', '.js': 'js', '.mjs': 'js' };

/** Whether the loader compiles files like `path` (by extension). */
export function isModuleFile(path: string): boolean {
  return LOADERS[extname(path)] !== undefined;
}

export interface DevLoader {
  /** Bump `files` and every app module importing them; returns all modules whose version changed. */
  invalidate(files: Iterable<string>): Set<string>;
  /** Current version of an app file (0 until first invalidated). */
  version(file: string): number;
  /** App files seen so far (imported at least once). */
  loaded(): ReadonlySet<string>;
  /** Remove the hooks. */
  dispose(): void;
}

/** Top-level declarations with a capitalized name, as esbuild prints them (unindented). */
const TOP_LEVEL = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+|class\s+)([A-Z][\w$]*)/gm;

function stripQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** The code appended to a compiled module: register its functions under a stable identity. */
export function registration(file: string, selfUrl: string, code: string): string {
  const locals = new Set<string>();
  for (const m of code.matchAll(TOP_LEVEL)) locals.add(m[1]!);
  return (
    `\nimport * as __vango_self from ${JSON.stringify(selfUrl)};\n` +
    `globalThis.__VANGO_HOT__?.register(${JSON.stringify(file)}, { ${[...locals].map((n) => `${JSON.stringify(`local:${n}`)}: ${n}`).join(', ')}${locals.size ? ', ' : ''}...__vango_self });\n`
  );
}

/**
 * Install the hooks for the app at `root` (absolute). Call before the first import of app code.
 */
export function installDevLoader(root: string): DevLoader {
  const base = root.endsWith(sep) ? root : root + sep;
  const versions = new Map<string, number>();
  /** file → files that import it. */
  const importers = new Map<string, Set<string>>();
  const seen = new Set<string>();

  const isAppFile = (path: string): boolean =>
    path.startsWith(base) && !path.includes(`${sep}node_modules${sep}`) && isModuleFile(path);

  const hooks: ModuleHooks = registerHooks({
    resolve(specifier, context, nextResolve) {
      const r = nextResolve(specifier, context);
      if (!r.url.startsWith('file:')) return r;
      const path = fileURLToPath(stripQuery(r.url));
      if (!isAppFile(path)) return r;
      const parent = context.parentURL?.startsWith('file:') ? fileURLToPath(stripQuery(context.parentURL)) : undefined;
      if (parent !== undefined && parent !== path && isAppFile(parent)) {
        let set = importers.get(path);
        if (set === undefined) importers.set(path, (set = new Set()));
        set.add(parent);
      }
      // A URL that already names a version (a module importing itself) stays as it is.
      if (/[?&]v=\d+/.test(r.url)) return { ...r, format: 'module', shortCircuit: true };
      return { url: `${pathToFileURL(path).href}?v=${versions.get(path) ?? 0}`, format: 'module', shortCircuit: true };
    },
    load(url, context, nextLoad) {
      if (!url.startsWith('file:')) return nextLoad(url, context);
      const path = fileURLToPath(stripQuery(url));
      if (!isAppFile(path)) return nextLoad(url, context);
      seen.add(path);
      const source = readFileSync(path, 'utf8');
      // Errors carry esbuild's message list; the dev server turns them into an overlay.
      const out = transformSync(source, {
        loader: LOADERS[extname(path)],
        format: 'esm',
        target: SERVER_TARGET,
        ...VANGO_JSX,
        sourcemap: 'external',
        sourcefile: path,
        sourcesContent: false,
      });
      const rel = relative(root, path).split(sep).join('/');
      const map = Buffer.from(out.map).toString('base64');
      const code = `${out.code}${registration(rel, url, out.code)}//# sourceMappingURL=data:application/json;base64,${map}\n`;
      return { format: 'module', source: code, shortCircuit: true };
    },
  });

  return {
    invalidate(files) {
      const changed = new Set<string>();
      const stack = [...files];
      while (stack.length > 0) {
        const f = stack.pop()!;
        if (changed.has(f)) continue;
        changed.add(f);
        versions.set(f, (versions.get(f) ?? 0) + 1);
        for (const i of importers.get(f) ?? []) stack.push(i);
      }
      return changed;
    },
    version: (file) => versions.get(file) ?? 0,
    loaded: () => seen,
    dispose: () => hooks.deregister(),
  };
}
