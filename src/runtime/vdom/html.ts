/**
 * HTML facts the tree itself must respect so that the server's tree and the browser's DOM agree.
 */

/** Void elements: they never have children in the DOM (the legacy ones the parser treats as void included). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'keygen', 'param',
]);

// Per tag length, the first and last letters (case-folded) of the void element names: most tags are
// ruled out by these two bit tests, without a set lookup.
const FIRST = new Uint32Array(9);
const LAST = new Uint32Array(9);
for (const t of VOID_ELEMENTS) {
  FIRST[t.length]! |= 1 << (t.charCodeAt(0) & 31);
  LAST[t.length]! |= 1 << (t.charCodeAt(t.length - 1) & 31);
}

/** `VOID_ELEMENTS.has(tag)`, cheaper for the tags that are not void (nearly all of them). */
export function isVoidElement(tag: string): boolean {
  const n = tag.length;
  if (n > 8 || ((FIRST[n]! >>> (tag.charCodeAt(0) & 31)) & 1) === 0 || ((LAST[n]! >>> (tag.charCodeAt(n - 1) & 31)) & 1) === 0) return false;
  return VOID_ELEMENTS.has(tag);
}
