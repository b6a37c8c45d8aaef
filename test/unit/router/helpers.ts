// Shared helpers of the router tests: throwaway route trees on disk and tiny route tables in memory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { RouteError } from '../../../src/runtime/router/errors.ts';
import type { LayoutDef, MiddlewareDef, RouteDef, RouteModule, RouteTable, SpecialPageDef } from '../../../src/runtime/router/table.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import type { Component } from '../../../src/runtime/vdom/vnode.ts';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An app root whose app/routes holds `files` (path → source; default a one-line page). Removed after the test. */
export function appTree(files: readonly string[] | Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vango-routes-'));
  made.push(root);
  const entries = Array.isArray(files) ? files.map((f) => [f, 'export default () => null;\n'] as const) : Object.entries(files);
  mkdirSync(join(root, 'app', 'routes'), { recursive: true });
  for (const [f, src] of entries) {
    const abs = join(root, 'app', 'routes', f);
    mkdirSync(dirname(abs), { recursive: true });
    if (!f.endsWith('/')) writeFileSync(abs, src);
  }
  return root;
}

/** The RouteError `fn` throws (fails the test when it throws something else or nothing). */
export function routeError(fn: () => unknown): RouteError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RouteError) return err;
    throw err;
  }
  throw new Error('expected a RouteError, nothing was thrown');
}

/** A named component rendering `<tag id=name>` around its children (or its params as text). */
export function comp(name: string): Component {
  const c: Component = (props: { children?: unknown; params?: Record<string, unknown> }) =>
    h('div', { id: name }, (props.children as never) ?? JSON.stringify(props.params ?? {}));
  Object.defineProperty(c, 'name', { value: name });
  return c;
}

export const layout = (file: string, name = file): LayoutDef => ({ file, module: { default: comp(name) } });
export const mw = (file: string, fn: MiddlewareDef['module']['default']): MiddlewareDef => ({ file, module: { default: fn } });
export const special = (file: string, prefix: string, layouts: LayoutDef[] = [], name = file): SpecialPageDef => ({ file, prefix, module: { default: comp(name) }, layouts });

/** A page route with a component named after the pattern. */
export function page(pattern: string, extra: Partial<Omit<RouteDef, 'pattern' | 'module'>> & { module?: RouteModule } = {}): RouteDef {
  return { pattern, file: extra.file ?? `${pattern}.tsx`, layouts: [], middleware: [], ...extra, module: { default: comp(pattern), ...extra.module } };
}

/** A table of `routes` and whatever they reference. */
export function table(routes: RouteDef[], more: Partial<RouteTable> = {}): RouteTable {
  return { routes, layouts: [], middleware: [], errors: [], notFound: [], ...more };
}
