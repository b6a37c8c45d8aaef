/**
 * Stylesheet hot swap: the new <link> loads next to the old one and the old one goes only once the new
 * one has loaded, so the page never renders unstyled.
 */

/** Which link each pending clone replaces: if a newer save supersedes a clone before it loads, its
 * predecessor must still go. */
const replaces = new WeakMap<HTMLLinkElement, HTMLLinkElement>();
const replaced = new WeakSet<HTMLLinkElement>();

function retire(link: HTMLLinkElement): void {
  const older = replaces.get(link);
  replaces.delete(link);
  link.remove();
  if (older) retire(older);
}

/** Swaps every stylesheet whose URL path is `href`; returns the new links. */
export function swapStylesheet(doc: Document, href: string, version: number | string = Date.now()): HTMLLinkElement[] {
  const base = doc.location?.href ?? doc.baseURI;
  const target = new URL(href, base).pathname;
  const fresh: HTMLLinkElement[] = [];
  for (const link of Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet" i]'))) {
    if (replaced.has(link) || !link.href) continue;
    const url = new URL(link.getAttribute('href') ?? '', base);
    if (url.pathname !== target) continue;
    url.searchParams.set('v', String(version));
    const next = link.cloneNode() as HTMLLinkElement;
    // Same origin keeps the href relative-looking in devtools; otherwise keep the full URL.
    next.href = url.origin === new URL(base).origin ? url.pathname + url.search + url.hash : url.href;
    replaced.add(link);
    replaces.set(next, link);
    const done = (): void => {
      const older = replaces.get(next);
      replaces.delete(next);
      if (older) retire(older);
    };
    const failed = (): void => {
      // Keep the old sheet: stale styles beat none. The failed request is in the network panel.
      const older = replaces.get(next);
      replaces.delete(next);
      next.remove();
      if (older) replaced.delete(older);
    };
    next.addEventListener('load', done, { once: true });
    next.addEventListener('error', failed, { once: true });
    link.after(next);
    fresh.push(next);
  }
  return fresh;
}
