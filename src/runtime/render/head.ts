/**
 * Document head management. Components call {@link useHead} while they render; the entries go to the
 * collector made current with {@link runWithHead} (or the `head` option of the render functions) and are
 * deduplicated there. Rendering is synchronous, so a module-level "current collector" is enough and
 * works the same in every JS runtime.
 */

/** A `<meta>` tag. `httpEquiv` is written `http-equiv`. */
export interface MetaTag {
  name?: string;
  property?: string;
  httpEquiv?: string;
  charset?: string;
  content?: string;
  [attr: string]: string | undefined;
}

/** A `<link>` tag's attributes. */
export type LinkTag = Record<string, string>;

/** What a component may declare. */
export interface HeadInput {
  title?: string;
  meta?: MetaTag[];
  link?: LinkTag[];
  htmlAttrs?: Record<string, string>;
  bodyAttrs?: Record<string, string>;
}

/** Head entries as plain data (what a collector accepts and a document renders). */
export type HeadData = HeadInput;

/** A collector's deduplicated entries. */
export interface HeadSnapshot {
  title: string | undefined;
  meta: MetaTag[];
  link: LinkTag[];
  htmlAttrs: Record<string, string>;
  bodyAttrs: Record<string, string>;
}

function metaKey(m: MetaTag): string | undefined {
  if (m.charset !== undefined) return 'charset';
  if (m.name !== undefined) return `name:${m.name.toLowerCase()}`;
  if (m.property !== undefined) return `property:${m.property}`;
  if (m.httpEquiv !== undefined) return `http-equiv:${m.httpEquiv.toLowerCase()}`;
  return undefined;
}

function linkKey(l: LinkTag): string | undefined {
  if (l.rel === undefined && l.href === undefined) return undefined;
  return `${l.rel ?? ''}\n${l.href ?? ''}`;
}

/**
 * Collects head entries. Later entries win: the title, a meta with the same name / property /
 * http-equiv / charset, a link with the same rel + href (keeping the first one's position), and each
 * html/body attribute.
 */
export class HeadCollector {
  #title: string | undefined;
  readonly #meta = new Map<string, MetaTag>();
  readonly #link = new Map<string, LinkTag>();
  #htmlAttrs: Record<string, string> = {};
  #bodyAttrs: Record<string, string> = {};
  #anon = 0;

  /** Add a component's declarations. */
  add(input: HeadInput): void {
    if (input.title !== undefined) this.#title = input.title;
    if (input.meta) for (const m of input.meta) this.#meta.set(metaKey(m) ?? `#${this.#anon++}`, m);
    if (input.link) for (const l of input.link) this.#link.set(linkKey(l) ?? `#${this.#anon++}`, l);
    if (input.htmlAttrs) this.#htmlAttrs = { ...this.#htmlAttrs, ...input.htmlAttrs };
    if (input.bodyAttrs) this.#bodyAttrs = { ...this.#bodyAttrs, ...input.bodyAttrs };
  }

  /** The deduplicated entries so far. */
  data(): HeadSnapshot {
    return {
      title: this.#title,
      meta: [...this.#meta.values()],
      link: [...this.#link.values()],
      htmlAttrs: { ...this.#htmlAttrs },
      bodyAttrs: { ...this.#bodyAttrs },
    };
  }
}

let current: HeadCollector | undefined;

/** Declare head entries from a component. A no-op when no collector is active. */
export function useHead(input: HeadInput): void {
  current?.add(input);
}

/** Run `fn` with `collector` receiving every {@link useHead} call made during it. */
export function runWithHead<T>(collector: HeadCollector, fn: () => T): T {
  const prev = current;
  current = collector;
  try {
    return fn();
  } finally {
    current = prev;
  }
}

/** The active collector, if any. */
export function currentHead(): HeadCollector | undefined {
  return current;
}

/** Make `collector` current and return the previous one (for walkers that run in slices). @internal */
export function swapHead(collector: HeadCollector | undefined): HeadCollector | undefined {
  const prev = current;
  current = collector;
  return prev;
}
