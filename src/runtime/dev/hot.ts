/**
 * Hot reload's component identity: a component is "file#name" (its module and its export or
 * top-level name), not a function object. Each evaluation of a changed module registers its
 * functions again; a mounted component whose function has a newer version under the same identity is
 * switched to it (see `Root.hotSwap`). Isomorphic and dev-only: production never registers anything.
 */
import type { Component } from '../vdom/vnode.ts';

type Fn = (...args: never[]) => unknown;

/** A component hot reload had to start over. */
export interface HotReset {
  component: string;
  /** Its identity ("app/routes/index.tsx#default"), '' when unregistered. */
  identity: string;
  reason: string;
}

export class HotRegistry {
  private readonly ids = new WeakMap<Fn, string>();
  private readonly latest = new Map<string, Fn>();
  /** Told about every reset (the dev server prints it and tells the browser). */
  onReset: ((reset: HotReset) => void) | undefined;

  /**
   * Record a module's functions under `file` (a stable path, without version query). Called by the
   * code the dev loader appends to every app module; names are its exports and top-level declarations.
   */
  register(file: string, values: Record<string, unknown>): void {
    for (const name of Object.keys(values)) {
      const v = values[name];
      if (typeof v !== 'function') continue;
      const fn = v as Fn;
      // A function exported under two names keeps its first identity.
      if (this.ids.has(fn)) continue;
      const id = `${file}#${name}`;
      this.ids.set(fn, id);
      this.latest.set(id, fn);
    }
  }

  /** The identity of a registered function ("app/routes/index.tsx#default"). */
  identity(fn: unknown): string | undefined {
    return typeof fn === 'function' ? this.ids.get(fn as Fn) : undefined;
  }

  /** Called by a component whose state a hot swap could not keep. */
  reportReset(type: Component, component: string, reason: string): void {
    this.onReset?.({ component, identity: this.identity(type) ?? '', reason });
  }

  /** The newest version of `component`, or undefined when it is not registered. */
  resolve(component: Component): Component | undefined {
    const id = this.ids.get(component as unknown as Fn);
    return id === undefined ? undefined : (this.latest.get(id) as unknown as Component);
  }
}

/** Where the dev loader's appended code finds the registry. */
export const HOT_GLOBAL = '__VANGO_HOT__';

/** The registry the dev server installed, if any. */
export function hotRegistry(): HotRegistry | undefined {
  return (globalThis as Record<string, unknown>)[HOT_GLOBAL] as HotRegistry | undefined;
}

/** Install a registry (the dev server does this once, before importing app code). */
export function installHotRegistry(registry: HotRegistry = new HotRegistry()): HotRegistry {
  (globalThis as Record<string, unknown>)[HOT_GLOBAL] = registry;
  return registry;
}
