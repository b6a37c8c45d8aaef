/**
 * API routes: modules that export method handlers (`GET`, `POST`, ...) instead of a page.
 */

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The second argument of a method handler. */
export interface ApiContext<P = Record<string, unknown>> {
  /** The route's params, coerced. */
  readonly params: P;
  readonly url: URL;
  /** What middleware stored for this request. */
  readonly locals: Map<string, unknown>;
}

/** A method handler: `export async function GET(request, { params }) { return Response.json(...) }`. */
export type ApiHandler<P = Record<string, unknown>> = (request: Request, ctx: ApiContext<P>) => Response | Promise<Response>;

export type ApiHandlers = { readonly [M in HttpMethod]?: ApiHandler<any> };

/** The handlers a module exports (functions named after a method). */
export function handlersOf(mod: object): Partial<Record<HttpMethod, ApiHandler<any>>> {
  const out: Partial<Record<HttpMethod, ApiHandler<any>>> = {};
  for (const m of HTTP_METHODS) {
    const fn = (mod as Record<string, unknown>)[m];
    if (typeof fn === 'function') out[m] = fn as ApiHandler<any>;
  }
  return out;
}

/** The methods a route answers: its handlers, HEAD when it has GET, and OPTIONS (always). */
export function allowedMethods(handlers: Partial<Record<HttpMethod, unknown>>): HttpMethod[] {
  return HTTP_METHODS.filter((m) => handlers[m] !== undefined || (m === 'HEAD' && handlers.GET !== undefined) || m === 'OPTIONS');
}

/**
 * Call the handler for `request.method`. HEAD without its own handler runs GET and drops the body;
 * OPTIONS without one answers 204 with `Allow`; any other method without a handler gets 405.
 */
export async function callApi(handlers: Partial<Record<HttpMethod, ApiHandler<any>>>, request: Request, ctx: ApiContext<any>): Promise<Response> {
  const method = request.method.toUpperCase() as HttpMethod;
  const own = handlers[method];
  if (own) return own(request, ctx);
  const allow = allowedMethods(handlers).join(', ');
  if (method === 'HEAD' && handlers.GET) {
    const res = await handlers.GET(request, ctx);
    res.body?.cancel().catch(() => {});
    return new Response(null, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow } });
  return new Response('Method Not Allowed', { status: 405, headers: { allow, 'content-type': 'text/plain; charset=utf-8' } });
}
