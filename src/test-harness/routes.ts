/**
 * The route table `visit()` uses by default. `vango test` registers the app's generated table in a
 * setup file; the registry lives on globalThis so that every copy of the harness module sees it.
 */
import type { RouteTable } from '../runtime/router/table.ts';

const KEY = Symbol.for('vango.test.routeTable');

/** Make `table` the default for `visit()` (done for you by `vango test`). */
export function registerRoutes(table: RouteTable): void {
  (globalThis as Record<symbol, unknown>)[KEY] = table;
}

/** The registered table, if any. */
export function registeredRoutes(): RouteTable | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as RouteTable | undefined;
}
