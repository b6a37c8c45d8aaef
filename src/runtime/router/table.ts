/**
 * The route table (what `vango gen routes` generates, or what you write by hand) and the router built
 * from it. Modules are validated once, in createRouter; matching is a tree walk plus param coercion.
 */
import type { HeadInput } from '../render/head.ts';
import type { Component, Props, VNode } from '../vdom/vnode.ts';
import { handlersOf, allowedMethods, type ApiHandler, type HttpMethod } from './api.ts';
import { RouteError, RouteRule } from './errors.ts';
import { resolveMeta, type RouteMeta } from './meta.ts';
import type { Middleware } from './middleware.ts';
import { compileParams, type ParamsCoercer, type ParamsSpec, type RawParams } from './params.ts';
import { expandPattern, paramKinds, parsePattern, shapeKey, type ParamKind, type Segment } from './pattern.ts';
import { composePage, pageKey } from './render.ts';
import { nearest, type Ranked } from './special.ts';
import { SegmentTree, type Capture, type Leaf, type TrailingSlash } from './tree.ts';

// --- The table: plain data, modules as imported ---------------------------------------------------

/** A route module: a page (`default`) or method handlers, plus optional `params` and `meta`. */
export interface RouteModule {
  default?: Component;
  params?: ParamsSpec;
  meta?: RouteMeta;
  GET?: ApiHandler<any>;
  HEAD?: ApiHandler<any>;
  POST?: ApiHandler<any>;
  PUT?: ApiHandler<any>;
  PATCH?: ApiHandler<any>;
  DELETE?: ApiHandler<any>;
  OPTIONS?: ApiHandler<any>;
}

/** A `_layout` module: its default export wraps the routes at or below its folder. */
export interface LayoutModule {
  default?: Component;
  meta?: RouteMeta;
}

/** A `_middleware` module. */
export interface MiddlewareModule {
  default?: Middleware<any>;
}

/** An `_error` or `_404` module. */
export interface PageModule {
  default?: Component;
  /** Title and meta tags (`_404`/`_error` pages). */
  meta?: RouteMeta;
}

export interface LayoutDef {
  /** Path relative to `app/routes/`, `/`-separated. */
  readonly file: string;
  readonly module: LayoutModule;
}

export interface MiddlewareDef {
  readonly file: string;
  readonly module: MiddlewareModule;
}

/** An `_error` or `_404` page. */
export interface SpecialPageDef {
  readonly file: string;
  /** The URL pattern of its folder (`/`, `/projects`, `/:lang?`): the paths it covers for notFoundFor/errorFor. */
  readonly prefix: string;
  readonly module: PageModule;
  /** Layouts at or above its folder, outermost first. */
  readonly layouts: readonly LayoutDef[];
}

export interface RouteDef {
  /** `/projects/:id`; see pattern.ts for the syntax. */
  readonly pattern: string;
  readonly file: string;
  readonly module: RouteModule;
  /** Under `app/routes/api/`: must export method handlers. */
  readonly api?: boolean;
  /** Layouts wrapping it, outermost first. */
  readonly layouts: readonly LayoutDef[];
  /** Middleware running before it, outermost first. */
  readonly middleware: readonly MiddlewareDef[];
  /** The nearest `_error` (same folder or the closest one above). */
  readonly error?: SpecialPageDef;
  /** The nearest `_404`. */
  readonly notFound?: SpecialPageDef;
}

export interface RouteTable {
  readonly routes: readonly RouteDef[];
  readonly layouts: readonly LayoutDef[];
  readonly middleware: readonly MiddlewareDef[];
  readonly errors: readonly SpecialPageDef[];
  readonly notFound: readonly SpecialPageDef[];
}

// --- The router -------------------------------------------------------------------------------------

export interface RouterOptions {
  /** Default `'never'`: `/about/` redirects (308) to `/about`. */
  trailingSlash?: TrailingSlash;
}

/** Props of an `_error` page. */
export interface ErrorPageProps {
  error: unknown;
  status: number;
}

/** Props of a `_404` page. */
export interface NotFoundPageProps {
  pathname: string;
}

/** An `_error` or `_404` page, ready to render. */
export interface SpecialPage {
  readonly file: string;
  readonly component: Component;
  /** Layouts at or above its folder, outermost first. */
  readonly layouts: readonly Component[];
  /**
   * The page inside its layouts (or alone with `{ layouts: false }`, e.g. when a layout threw). `props`
   * go to the page and the layouts; `props.params` (default `{}`) is what they get as params.
   */
  render(props?: Props, opts?: { layouts?: boolean }): VNode;
  /** Title and meta tags from the `meta` exports of its layouts and of itself. */
  head(params?: Record<string, unknown>): HeadInput;
}

/** A validated route. */
export interface CompiledRoute {
  readonly pattern: string;
  readonly file: string;
  readonly kind: 'page' | 'api';
  readonly segments: readonly Segment[];
  readonly paramKinds: Readonly<Record<string, ParamKind>>;
  /** The page component (page routes). */
  readonly page: Component | undefined;
  /** Method handlers (API routes). */
  readonly handlers: Readonly<Partial<Record<HttpMethod, ApiHandler<any>>>>;
  /** Methods an API route answers (for `Allow`). */
  readonly allow: readonly HttpMethod[];
  readonly layouts: readonly Component[];
  readonly middleware: readonly Middleware<any>[];
  readonly error: SpecialPage | undefined;
  readonly notFound: SpecialPage | undefined;
  readonly params: ParamsSpec | undefined;
  /** `meta` exports of its layouts then of the page. */
  readonly meta: readonly RouteMeta[];
  readonly def: RouteDef;
}

/** A route matched a canonical path. */
export interface RouteMatch {
  readonly kind: 'route';
  readonly route: CompiledRoute;
  /** Params after coercion (absent optional params are left out). */
  readonly params: Record<string, unknown>;
  /** Params as decoded from the path (a catch-all as a string list). */
  readonly rawParams: RawParams;
  readonly layouts: readonly Component[];
  readonly middleware: readonly Middleware<any>[];
  readonly error: SpecialPage | undefined;
  readonly notFound: SpecialPage | undefined;
  /** The page inside its layouts (page routes only; throws for an API route). */
  render(params?: Record<string, unknown>, extra?: Props): VNode;
  /** Title and meta tags from the `meta` exports. */
  head(params?: Record<string, unknown>): HeadInput;
}

/** The path matches a route only in its canonical form: redirect there (append the query string). */
export interface RouteRedirect {
  readonly kind: 'redirect';
  readonly location: string;
  readonly status: 308;
}

export interface Router {
  readonly routes: readonly CompiledRoute[];
  /** The route for a pathname (`url.pathname`, still percent-encoded), a redirect, or undefined (404). */
  match(pathname: string): RouteMatch | RouteRedirect | undefined;
  /** The `_404` page for a path nothing matched: the one whose folder covers most of the path. */
  notFoundFor(pathname: string): SpecialPage | undefined;
  /** The `_error` page for a path, chosen like notFoundFor (prefer `match.error` when a route matched). */
  errorFor(pathname: string): SpecialPage | undefined;
}

const isFn = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

class Match implements RouteMatch {
  readonly kind = 'route' as const;
  readonly route: CompiledRoute;
  readonly params: Record<string, unknown>;
  readonly rawParams: RawParams;

  constructor(route: CompiledRoute, params: Record<string, unknown>, rawParams: RawParams) {
    this.route = route;
    this.params = params;
    this.rawParams = rawParams;
  }

  get layouts() {
    return this.route.layouts;
  }
  get middleware() {
    return this.route.middleware;
  }
  get error() {
    return this.route.error;
  }
  get notFound() {
    return this.route.notFound;
  }

  render(params: Record<string, unknown> = this.params, extra?: Props): VNode {
    const r = this.route;
    if (!r.page) throw new Error(`${r.file} is an API route; it has no page to render`);
    return composePage(r.page, r.layouts, params, extra, pageKey(r.pattern, params));
  }

  head(params: Record<string, unknown> = this.params): HeadInput {
    return resolveMeta(this.route.meta, params);
  }
}

function defaultComponent(mod: { default?: unknown } | undefined, file: string, what: string): Component {
  const c = mod?.default;
  if (!isFn(c)) throw new RouteError(file, RouteRule.MissingDefault, `${what} must export a component as default (got ${c === undefined ? 'nothing' : typeof c})`);
  return c as Component;
}

type Special = SpecialPage & Ranked;

/** Build a router; throws a RouteError for a module or pattern that breaks a rule. */
export function createRouter(table: RouteTable, opts: RouterOptions = {}): Router {
  const policy = opts.trailingSlash ?? 'never';
  if (policy !== 'never' && policy !== 'always' && policy !== 'ignore') throw new TypeError(`trailingSlash must be 'never', 'always' or 'ignore' (got ${String(policy)})`);

  const layouts = new Map<LayoutDef, Component>();
  const layoutOf = (d: LayoutDef): Component => {
    let c = layouts.get(d);
    if (!c) layouts.set(d, (c = defaultComponent(d.module, d.file, 'a layout')));
    return c;
  };
  const middlewares = new Map<MiddlewareDef, Middleware<any>>();
  const middlewareOf = (d: MiddlewareDef): Middleware<any> => {
    let m = middlewares.get(d);
    if (!m) {
      const fn = d.module?.default;
      if (!isFn(fn)) throw new RouteError(d.file, RouteRule.BadMiddleware, `a middleware must export a function as default (got ${fn === undefined ? 'nothing' : typeof fn})`);
      middlewares.set(d, (m = fn as Middleware<any>));
    }
    return m;
  };
  const specials = new Map<SpecialPageDef, Special>();
  let order = 0;
  const specialOf = (d: SpecialPageDef, what: string): Special => {
    let s = specials.get(d);
    if (s) return s;
    const component = defaultComponent(d.module, d.file, what);
    const wrap = d.layouts.map(layoutOf);
    s = {
      file: d.file,
      component,
      layouts: wrap,
      prefix: parsePattern(d.prefix, d.file),
      depth: d.file.split('/').length,
      order: order++,
      render: (props?: Props, o?: { layouts?: boolean }) => composePage(component, o?.layouts === false ? [] : wrap, (props?.params as Record<string, unknown> | undefined) ?? {}, props, undefined),
      head: (params = {}) => resolveMeta([...d.layouts.map((l) => l.module.meta), d.module.meta], params),
    };
    specials.set(d, s);
    return s;
  };

  for (const d of table.layouts) layoutOf(d);
  for (const d of table.middleware) middlewareOf(d);
  const errors = table.errors.map((d) => specialOf(d, 'an error page'));
  const notFound = table.notFound.map((d) => specialOf(d, 'a not-found page'));

  const tree = new SegmentTree<CompiledRoute>();
  const routes: CompiledRoute[] = [];
  for (const def of table.routes) {
    const route = compileRoute(def, layoutOf, middlewareOf, specialOf);
    routes.push(route);
    const seen = new Map<string, number>();
    for (const shape of expandPattern(route.segments)) {
      const key = shapeKey(shape);
      if (seen.has(key)) throw new RouteError(def.file, RouteRule.AmbiguousOptional, `its optional segments make ${def.pattern} match the same path shape twice (${key}); make one of them required`);
      seen.set(key, 1);
      const clash = tree.insert(shape, route);
      if (clash) throw new RouteError(def.file, RouteRule.DuplicateRoute, `${def.pattern} matches the same URLs as ${clash.value.pattern} (${clash.value.file})`);
    }
  }

  const accept = (leaf: Leaf<CompiledRoute>, caps: readonly Capture[]): Match | undefined => {
    const route = leaf.value;
    const raw: RawParams = {};
    for (let i = 0; i < caps.length; i++) raw[leaf.names[i]!] = caps[i]!;
    const coerce = (route as Compiled).coerce;
    const params = coerce ? coerce(raw) : raw;
    return params ? new Match(route, params, raw) : undefined;
  };

  return {
    routes,
    match(pathname) {
      const r = tree.lookup(pathname, policy, accept);
      if (!r) return undefined;
      if (r.redirect !== undefined) return { kind: 'redirect', location: r.redirect, status: 308 };
      return r.found;
    },
    notFoundFor: (pathname) => nearest(notFound, pathname),
    errorFor: (pathname) => nearest(errors, pathname),
  };
}

interface Compiled extends CompiledRoute {
  readonly coerce: ParamsCoercer | undefined;
}

function compileRoute(
  def: RouteDef,
  layoutOf: (d: LayoutDef) => Component,
  middlewareOf: (d: MiddlewareDef) => Middleware<any>,
  specialOf: (d: SpecialPageDef, what: string) => SpecialPage,
): Compiled {
  const segments = parsePattern(def.pattern, def.file);
  const kinds = paramKinds(segments);
  const mod = def.module ?? {};
  const handlers = handlersOf(mod);
  const hasHandlers = Object.keys(handlers).length > 0;
  const hasPage = mod.default !== undefined;
  if (hasHandlers && hasPage) {
    throw new RouteError(def.file, RouteRule.MixedRoute, `exports both a page (default) and method handlers (${Object.keys(handlers).join(', ')}); move the handlers to a route under api/ or drop the default export`);
  }
  if (def.api && !hasHandlers) {
    throw new RouteError(def.file, RouteRule.NoHandlers, `an API route must export at least one method handler (${['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].join(', ')})`);
  }
  const kind = hasHandlers ? 'api' : 'page';
  const page = kind === 'page' ? defaultComponent(mod, def.file, 'a page') : undefined;
  const wrap = kind === 'page' ? def.layouts.map(layoutOf) : [];
  const meta: RouteMeta[] = [];
  if (kind === 'page') for (const l of def.layouts) if (l.module.meta) meta.push(l.module.meta);
  if (mod.meta) meta.push(mod.meta);
  return {
    pattern: def.pattern,
    file: def.file,
    kind,
    segments,
    paramKinds: kinds,
    page,
    handlers,
    allow: kind === 'api' ? allowedMethods(handlers) : [],
    layouts: wrap,
    middleware: def.middleware.map(middlewareOf),
    error: def.error ? specialOf(def.error, 'an error page') : undefined,
    notFound: def.notFound ? specialOf(def.notFound, 'a not-found page') : undefined,
    params: mod.params,
    meta,
    def,
    coerce: compileParams(mod.params, kinds, def.file),
  };
}
