/**
 * Middleware: `_middleware.ts` files run, outermost folder first, before the route below them (page or
 * API). Each gets the request context and `next`; returning a Response ends the request there
 * (redirects, auth), calling `next()` runs the rest of the chain and the route.
 */

/** What a middleware sees. `locals` is per request: put what later middleware and handlers need in it. */
export interface MiddlewareContext<P = Record<string, unknown>> {
  readonly request: Request;
  readonly url: URL;
  /** The route's params, coerced. */
  readonly params: P;
  readonly locals: Map<string, unknown>;
}

/** Runs the rest of the chain and the route; resolves to its Response, or `undefined` for "render the page". */
export type Next = () => Promise<Response | undefined>;

/**
 * A middleware. Return a Response to answer now; call and return `next()` to continue (you may wrap
 * its Response); returning nothing without calling `next()` continues too.
 */
export type Middleware<P = Record<string, unknown>> = (
  ctx: MiddlewareContext<P>,
  next: Next,
) => Response | undefined | void | Promise<Response | undefined | void>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect response to `location` (a path or an absolute URL). */
export function redirect(location: string, status: 301 | 302 | 303 | 307 | 308 = 302): Response {
  if (!REDIRECT_STATUSES.has(status)) throw new RangeError(`redirect status must be 301, 302, 303, 307 or 308 (got ${status})`);
  return new Response(null, { status, headers: { location } });
}

/**
 * Run `chain` (outermost first) around `final`. Resolves to the first Response a middleware returns,
 * or what `final` resolves to. `next()` may be called once per middleware.
 */
export function runMiddleware<P>(chain: readonly Middleware<P>[], ctx: MiddlewareContext<P>, final: Next): Promise<Response | undefined> {
  const step = async (i: number): Promise<Response | undefined> => {
    if (i === chain.length) return final();
    let called: Promise<Response | undefined> | undefined;
    const next: Next = () => {
      if (called) return Promise.reject(new Error(`next() called twice by middleware #${i + 1}`));
      return (called = step(i + 1));
    };
    const out = await chain[i]!(ctx, next);
    if (out instanceof Response) return out;
    if (out !== undefined && out !== null) throw new TypeError(`middleware #${i + 1} returned ${typeof out}; return a Response, next()'s result or nothing`);
    return called ?? next();
  };
  return step(0);
}
