/**
 * Script URLs. We do not rewrite URLs in general, but a `javascript:` (or `vbscript:`) URL in an
 * attribute that navigates or loads is replaced by {@link BLOCKED_URL}: such values are almost always
 * injected data, and the attribute escaping alone cannot stop them (they need no markup to run).
 */

/** What a blocked script URL is rendered as. */
export const BLOCKED_URL = 'about:blank#blocked';

/** Attributes whose value is fetched or navigated to (lower case). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'data', 'codebase',
  'manifest', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'profile', 'classid', 'archive', 'icon',
]);

/**
 * Whether a URL would run script when followed. Mirrors the URL parser: leading C0 controls and spaces
 * are ignored, tabs and newlines are ignored anywhere, the scheme is case-insensitive.
 */
export function isScriptUrl(url: string): boolean {
  const n = url.length;
  let i = 0;
  while (i < n && url.charCodeAt(i) <= 0x20) i++;
  if (i === n) return false;
  const first = url.charCodeAt(i) | 32;
  if (first !== 106 /* j */ && first !== 118 /* v */) return false;
  let scheme = '';
  for (; i < n && scheme.length <= 10; i++) {
    const c = url.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) continue;
    if (c === 58 /* : */) return scheme === 'javascript' || scheme === 'vbscript';
    scheme += String.fromCharCode(c).toLowerCase();
  }
  return false;
}

/** The URL to render for an attribute value: itself, or {@link BLOCKED_URL} for a script URL. */
export function safeUrl(url: string): string {
  return isScriptUrl(url) ? BLOCKED_URL : url;
}
