/**
 * Client hooks: small pieces of browser code attached to elements that carry `data-hook="Name"`
 * (config in `data-hook-config`). `window.Vango.hooks.register(name, { mounted, updated, destroyed })`.
 * One page runs one client, so the registry is module state.
 */
import { json } from './json.ts';

/** What a hook gets besides its element. */
export interface HookContext {
  /** Parsed `data-hook-config` (null when absent). */
  config: unknown;
  /** Send a hook event to the server handler of this element. */
  pushEvent(name: string, payload?: unknown): void;
  /** Receive HookEvent commands the server sends to this element. */
  handleEvent(name: string, fn: (payload: unknown) => void): void;
}

export interface Hook {
  mounted?(el: Element, ctx: HookContext): void;
  updated?(el: Element, ctx: HookContext): void;
  destroyed?(el: Element): void;
}

type Live = [hook: Hook, ctx: HookContext, handlers: Record<string, (p: unknown) => void>];

/** Registered hooks by name. */
export const hookDefs: Record<string, Hook> = {};
const live = new Map<Element, Live>();
const config = (el: Element) => json(el.getAttribute('data-hook-config'));

/** Run user code without letting it break patch application. */
const safe = (f: () => void) => {
  try {
    f();
  } catch (e) {
    console.error(e);
  }
};

/** Mount `el`'s hook if it declares a registered one that is not mounted yet; `push` sends its events. */
export function mountHook(el: Element, push: (el: Element, name: string, payload: string) => void): void {
  const h = hookDefs[el.getAttribute('data-hook')!];
  if (!h || live.has(el)) return;
  const on: Live[2] = {};
  const ctx: HookContext = {
    config: config(el),
    pushEvent: (n, p) => push(el, n, JSON.stringify(p ?? null)),
    handleEvent: (n, f) => (on[n] = f),
  };
  live.set(el, [h, ctx, on]);
  safe(() => h.mounted?.(el, ctx));
}

/** A patch changed `el`'s attributes. */
export function hookUpdated(el: Element): void {
  const l = live.get(el);
  if (l) safe(() => l[0].updated?.(el, ((l[1].config = config(el)), l[1])));
}

/** Destroy the hooks of elements that left the document. */
export function sweepHooks(): void {
  for (const [el, l] of live) if (!el.isConnected) live.delete(el), safe(() => l[0].destroyed?.(el));
}

/** Deliver a HookEvent command to the handler the hook registered. */
export function hookEvent(el: Element, name: string, payload: string): void {
  const f = live.get(el)?.[2][name];
  if (f) safe(() => f(json(payload)));
}
