/**
 * The one error type of the router and its code generator: a route file or pattern that breaks a
 * naming or export rule. `rule` is a stable id (tests and tools match on it); `file` is the route file
 * relative to `app/routes/` (or the pattern, for hand-written tables).
 */

/** Every rule a route file, pattern or module can break. */
export const RouteRule = {
  /** `[id.tsx`, `id].tsx`, `(group` : a bracket or parenthesis that is not closed. */
  UnclosedBracket: 'unclosed-bracket',
  /** `[].tsx`, `[...].tsx`, `[[]]`, `()`: a dynamic segment or group without a name. */
  EmptyParam: 'empty-param',
  /** `[..slug].tsx`, `[....slug].tsx`: a catch-all needs exactly three dots. */
  BadCatchAll: 'bad-catch-all',
  /** `[my-id].tsx`, `[1st].tsx`: a param name must be a JavaScript identifier. */
  BadParamName: 'bad-param-name',
  /** `a-[id].tsx`: a segment is either static or one whole `[param]`. */
  PartialSegment: 'partial-segment',
  /** `a b.tsx`, `a%20b.tsx`, `..`: characters a URL path segment cannot hold as is. */
  BadStaticSegment: 'bad-static-segment',
  /** `(group).tsx`: groups are folders, not files. */
  GroupFile: 'group-file',
  /** Two catch-alls in one route. */
  MultipleCatchAll: 'multiple-catch-all',
  /** A catch-all followed by more segments (`[...slug]/edit.tsx`). */
  CatchAllNotLast: 'catch-all-not-last',
  /** The same param name twice in one route (`[id]/[id].tsx`). */
  DuplicateParam: 'duplicate-param',
  /** Two files that resolve to the same URL pattern (`a/index.tsx` and `a.tsx`, `[id].tsx` and `[slug].tsx`). */
  DuplicateRoute: 'duplicate-route',
  /** One file whose optional segments make two of its URLs indistinguishable (`[[a]]/[[b]].tsx`). */
  AmbiguousOptional: 'ambiguous-optional',
  /** `_layout.ts` and `_layout.tsx` in the same folder. */
  DuplicateSpecial: 'duplicate-special',
  /** A malformed pattern string (hand-written table or `href`). */
  BadPattern: 'bad-pattern',
  /** A page, layout, error or not-found module without a default-exported component. */
  MissingDefault: 'missing-default',
  /** A `_middleware` module whose default export is not a function. */
  BadMiddleware: 'bad-middleware',
  /** A module under `api/` that exports no method handler. */
  NoHandlers: 'no-handlers',
  /** A module that exports both a page (default) and method handlers. */
  MixedRoute: 'mixed-route',
  /** A `params` export naming a param the route does not have. */
  UnknownParam: 'unknown-param',
  /** A `params` export with a value that is not 'int', 'uuid', 'string', `{ enum }` or a function. */
  BadParamSpec: 'bad-param-spec',
  /** No `app/routes/` folder. */
  NoRoutesDir: 'no-routes-dir',
} as const;
export type RouteRule = (typeof RouteRule)[keyof typeof RouteRule];

/** A route file, pattern or module that breaks a rule. */
export class RouteError extends Error {
  /** The route file (relative to `app/routes/`, `/`-separated) or the pattern. */
  readonly file: string;
  readonly rule: RouteRule;
  /** What is wrong, without the file and rule (the message holds all three). */
  readonly reason: string;
  /** Every error found in the same scan, this one first (a scan reports them all at once). */
  all: readonly RouteError[];

  constructor(file: string, rule: RouteRule, message: string) {
    super(`${file}: ${message} [${rule}]`);
    this.name = 'RouteError';
    this.file = file;
    this.rule = rule;
    this.reason = message;
    this.all = [this];
  }
}
