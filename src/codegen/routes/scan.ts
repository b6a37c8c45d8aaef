/**
 * Scans an app's `app/routes/` into a manifest: every route with its URL pattern, the layouts and
 * middleware around it and its nearest error and not-found pages. Deterministic: entries are sorted
 * by code point, so the same tree always gives the same manifest (and the same generated file).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RouteError, RouteRule } from '../../runtime/router/errors.ts';
import { expandPattern, formatPattern, paramKinds, parsePattern, shapeKey, type ParamKind, type Segment } from '../../runtime/router/pattern.ts';
import { checkRouteSegments, classifyFile, isScannedFolder, parseName, type NameSegment, type SpecialKind } from './names.ts';

/** A `_layout` or `_middleware` file. */
export interface ManifestFile {
  /** Relative to the routes folder, `/`-separated. */
  readonly file: string;
  /** Its folder (`''` for the routes folder itself). */
  readonly dir: string;
}

/** An `_error` or `_404` page. */
export interface ManifestSpecial extends ManifestFile {
  /** The URL pattern its folder covers (`/`, `/projects`, `/:lang?`). */
  readonly prefix: string;
  /** Layouts at or above its folder, outermost first. */
  readonly layouts: readonly string[];
}

export interface ManifestRoute {
  readonly file: string;
  readonly pattern: string;
  readonly params: Readonly<Record<string, ParamKind>>;
  /** Under `api/`: must export method handlers. */
  readonly api: boolean;
  /** Layout files wrapping it, outermost first. */
  readonly layouts: readonly string[];
  /** Middleware files running before it, outermost first. */
  readonly middleware: readonly string[];
  /** Nearest `_error` / `_404` file, if any. */
  readonly error: string | undefined;
  readonly notFound: string | undefined;
}

export interface RouteManifest {
  /** Absolute path of the routes folder. */
  readonly routesDir: string;
  readonly routes: readonly ManifestRoute[];
  readonly layouts: readonly ManifestFile[];
  readonly middleware: readonly ManifestFile[];
  readonly errors: readonly ManifestSpecial[];
  readonly notFound: readonly ManifestSpecial[];
}

export interface ScanOptions {
  /** The routes folder, relative to the app root (default `app/routes`). */
  routesDir?: string;
}

/** Code-point order: the same everywhere, unlike localeCompare. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Inherited {
  readonly layouts: readonly string[];
  readonly middleware: readonly string[];
  readonly error: string | undefined;
  readonly notFound: string | undefined;
}

interface Collect {
  routes: ManifestRoute[];
  layouts: ManifestFile[];
  middleware: ManifestFile[];
  errors: ManifestSpecial[];
  notFound: ManifestSpecial[];
  problems: RouteError[];
}

const urlSegments = (segs: readonly NameSegment[]): Segment[] => segs.filter((s): s is Segment => s.kind !== 'group');

/**
 * Scan `<appRoot>/app/routes`. Throws a RouteError when a name breaks a rule; when several do, the
 * thrown error is the first (in file order) and `error.all` lists every one.
 */
export function scanRoutes(appRoot: string, opts: ScanOptions = {}): RouteManifest {
  const routesDir = resolve(appRoot, opts.routesDir ?? join('app', 'routes'));
  let isDir = false;
  try {
    isDir = statSync(routesDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new RouteError(opts.routesDir ?? 'app/routes', RouteRule.NoRoutesDir, `no routes folder at ${routesDir}`);

  const out: Collect = { routes: [], layouts: [], middleware: [], errors: [], notFound: [], problems: [] };
  walk(routesDir, '', [], { layouts: [], middleware: [], error: undefined, notFound: undefined }, out);
  checkDuplicates(out);

  if (out.problems.length > 0) {
    const all = [...out.problems].sort((a, b) => byCodePoint(a.file, b.file) || byCodePoint(a.rule, b.rule));
    const first = all[0]!;
    first.all = all;
    throw first;
  }
  const sort = <T extends { file: string }>(xs: T[]): T[] => xs.sort((a, b) => byCodePoint(a.file, b.file));
  return {
    routesDir,
    routes: sort(out.routes),
    layouts: sort(out.layouts),
    middleware: sort(out.middleware),
    errors: sort(out.errors),
    notFound: sort(out.notFound),
  };
}

function walk(abs: string, rel: string, dirSegs: readonly NameSegment[], inherited: Inherited, out: Collect): void {
  const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name));
  const at = (name: string) => (rel === '' ? name : `${rel}/${name}`);

  // Special files first: they shape everything else in this folder.
  const specials = new Map<SpecialKind, string>();
  for (const e of entries) {
    if (!e.isFile()) continue;
    const role = classifyFile(e.name);
    if (role.role !== 'special') continue;
    const prev = specials.get(role.kind);
    if (prev !== undefined) {
      out.problems.push(new RouteError(at(e.name), RouteRule.DuplicateSpecial, `${prev} and ${e.name} are both the ${role.stem} of ${rel === '' ? 'the routes folder' : rel}; keep one`));
      continue;
    }
    specials.set(role.kind, e.name);
  }
  const layout = specials.get('layout');
  const middleware = specials.get('middleware');
  const here: Inherited = {
    layouts: layout ? [...inherited.layouts, at(layout)] : inherited.layouts,
    middleware: middleware ? [...inherited.middleware, at(middleware)] : inherited.middleware,
    error: specials.has('error') ? at(specials.get('error')!) : inherited.error,
    notFound: specials.has('notFound') ? at(specials.get('notFound')!) : inherited.notFound,
  };
  const prefix = formatPattern(urlSegments(dirSegs));
  if (layout) out.layouts.push({ file: at(layout), dir: rel });
  if (middleware) out.middleware.push({ file: at(middleware), dir: rel });
  if (specials.has('error')) out.errors.push({ file: here.error!, dir: rel, prefix, layouts: here.layouts });
  if (specials.has('notFound')) out.notFound.push({ file: here.notFound!, dir: rel, prefix, layouts: here.layouts });

  for (const e of entries) {
    const file = at(e.name);
    if (e.isDirectory()) {
      if (!isScannedFolder(e.name)) continue;
      let seg: NameSegment;
      try {
        seg = parseName(e.name, file, false);
      } catch (err) {
        if (!(err instanceof RouteError)) throw err;
        out.problems.push(err);
        continue;
      }
      walk(join(abs, e.name), file, [...dirSegs, seg], here, out);
      continue;
    }
    if (!e.isFile()) continue;
    const role = classifyFile(e.name);
    if (role.role !== 'route') continue;
    try {
      const segs = role.stem === 'index' ? dirSegs : [...dirSegs, parseName(role.stem, file, true)];
      const url = urlSegments(segs);
      checkRouteSegments(url, file);
      out.routes.push({
        file,
        pattern: formatPattern(url),
        params: paramKinds(url),
        api: url[0]?.kind === 'static' && url[0].value === 'api',
        layouts: here.layouts,
        middleware: here.middleware,
        error: here.error,
        notFound: here.notFound,
      });
    } catch (err) {
      if (!(err instanceof RouteError)) throw err;
      out.problems.push(err);
    }
  }
}

/** Two files for the same URLs, or one file whose optional segments collide with each other. */
function checkDuplicates(out: Collect): void {
  const owner = new Map<string, ManifestRoute>();
  const bad = new Set<ManifestRoute>();
  for (const r of [...out.routes].sort((a, b) => byCodePoint(a.file, b.file))) {
    const mine = new Set<string>();
    for (const shape of expandPattern(parsePattern(r.pattern, r.file))) {
      const key = shapeKey(shape);
      if (mine.has(key)) {
        out.problems.push(new RouteError(r.file, RouteRule.AmbiguousOptional, `its optional segments make ${r.pattern} match the same URLs twice (${formatPattern(shape)}); make one of them required`));
        bad.add(r);
        break;
      }
      mine.add(key);
      const other = owner.get(key);
      if (other && other !== r) {
        out.problems.push(new RouteError(r.file, RouteRule.DuplicateRoute, `resolves to the same URL pattern as ${other.file} (${formatPattern(shape)}); remove or rename one`));
        bad.add(r);
        break;
      }
      owner.set(key, r);
    }
  }
  if (bad.size > 0) out.routes = out.routes.filter((r) => !bad.has(r));
}
