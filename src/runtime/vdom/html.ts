/**
 * HTML facts the tree itself must respect so that the server's tree and the browser's DOM agree.
 */

/** Void elements: they never have children in the DOM (the legacy ones the parser treats as void included). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'keygen', 'param',
]);
