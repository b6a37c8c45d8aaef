/**
 * Type-level helpers for the generated `routes.gen.ts`: params types derived from each route's
 * pattern (which params exist, which are optional or lists) and its `params` export (their types).
 */
import type { ParamKind } from './pattern.ts';

type SpecOf<M> = M extends { readonly params: infer S } ? S : {};
type SpecAt<M, N> = N extends keyof SpecOf<M> ? SpecOf<M>[N] : undefined;
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The value a param spec produces: 'int' → number, `{ enum }` → its union, a function → its result. */
export type CoercedParam<S> = [S] extends [undefined]
  ? string
  : S extends 'int'
    ? number
    : S extends 'uuid' | 'string'
      ? string
      : S extends { readonly enum: readonly (infer E)[] }
        ? E
        : S extends (raw: string) => infer R
          ? Exclude<R, undefined>
          : unknown; // a spec widened to `string` (write `as const`, `satisfies ParamsSpec` or defineParams)

/** The value `href` takes for a param with spec `S` (what turns back into the same segment). */
export type HrefParamValue<S> = [S] extends [undefined]
  ? string | number
  : S extends 'int'
    ? number
    : S extends 'uuid'
      ? string
      : S extends 'string'
        ? string | number
        : S extends { readonly enum: readonly (infer E)[] }
          ? E
          : S extends (raw: string) => infer R
            ? Exclude<R, undefined> extends string | number | bigint
              ? Exclude<R, undefined>
              : string
            : string | number;

type RequiredKeys<K> = { [N in keyof K]: K[N] extends 'one' | 'many' ? N : never }[keyof K];
type OptionalKeys<K> = Exclude<keyof K, RequiredKeys<K>>;

/** A route's params as its page receives them; `M` is the route module, `K` its params' kinds. */
export type RouteParamsOf<M, K extends Record<string, ParamKind>> = Flat<
  { [N in RequiredKeys<K>]: K[N] extends 'many' ? CoercedParam<SpecAt<M, N>>[] : CoercedParam<SpecAt<M, N>> } & {
    [N in OptionalKeys<K>]?: K[N] extends 'optional-many' ? CoercedParam<SpecAt<M, N>>[] : CoercedParam<SpecAt<M, N>>;
  }
>;

/** A route's params as `href` takes them. */
export type HrefParamsOf<M, K extends Record<string, ParamKind>> = Flat<
  { [N in RequiredKeys<K>]: K[N] extends 'many' ? readonly HrefParamValue<SpecAt<M, N>>[] : HrefParamValue<SpecAt<M, N>> } & {
    [N in OptionalKeys<K>]?: K[N] extends 'optional-many' ? readonly HrefParamValue<SpecAt<M, N>>[] : HrefParamValue<SpecAt<M, N>>;
  }
>;

/** `href`'s arguments after the pattern: none without params, optional when every param is. */
export type HrefArgs<H> = [keyof H] extends [never] ? [] : {} extends H ? [params?: H] : [params: H];
