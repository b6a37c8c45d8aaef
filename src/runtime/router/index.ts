/**
 * `vango/router`: the file router's runtime. Isomorphic (no Node API): the generated
 * `app/.vango/routes.gen.ts` builds a RouteTable, `createRouter` matches paths against it.
 */
export { createRouter } from './table.ts';
export type {
  RouteTable,
  RouteDef,
  LayoutDef,
  MiddlewareDef,
  SpecialPageDef,
  RouteModule,
  LayoutModule,
  MiddlewareModule,
  PageModule,
  Router,
  RouterOptions,
  RouteMatch,
  RouteRedirect,
  CompiledRoute,
  SpecialPage,
  ErrorPageProps,
  NotFoundPageProps,
} from './table.ts';
export { RouteError, RouteRule } from './errors.ts';
export { parsePattern, formatPattern, paramKinds, expandPattern, shapeKey, isParamName, type Segment, type ParamKind } from './pattern.ts';
export { defineParams, parseIntParam, parseUuidParam, compileParams, decodeSegment, REJECT, type ParamSpec, type ParamsSpec, type ParamCoercer, type RawParams } from './params.ts';
export { SegmentTree, splitPath, type TrailingSlash } from './tree.ts';
export { redirect, runMiddleware, type Middleware, type MiddlewareContext, type Next } from './middleware.ts';
export { buildHref, encodeSegment, type HrefParams, type HrefValue } from './href.ts';
export { callApi, handlersOf, allowedMethods, HTTP_METHODS, type ApiHandler, type ApiContext, type HttpMethod } from './api.ts';
export { resolveMeta, type RouteMeta } from './meta.ts';
export type { NavigateOptions, Navigate } from './navigate.ts';
export { composePage, pageKey, type LayoutProps } from './render.ts';
export { Link, type LinkProps } from './link.ts';
export type { RouteParamsOf, HrefParamsOf, HrefArgs, CoercedParam, HrefParamValue } from './types.ts';
