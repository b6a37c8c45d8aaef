/**
 * HTML escaping for the renderer's hot path.
 *
 * Each function finds the first character that needs work and returns its input unchanged when there is
 * none (the common case), so plain strings cost one native scan and no allocation.
 *
 * Beyond the usual `& < > "`:
 * - NUL becomes U+FFFD: the HTML parser drops NUL in text (which could empty a text node and shift the
 *   client's node numbering) and turns it into U+FFFD in attributes anyway.
 * - CR becomes `&#13;`: the parser normalizes a literal CR to LF, a character reference survives, so
 *   text and attribute values round-trip exactly.
 */

// 1 = needs escaping in text, 2 = in a double-quoted attribute, 4 = in a single-quoted attribute.
const NEEDS = new Uint8Array(63);
NEEDS[0] = 7; // NUL
NEEDS[13] = 7; // CR
NEEDS[38] = 7; // &
NEEDS[60] = 7; // <
NEEDS[62] = 7; // >
NEEDS[34] = 2; // "
NEEDS[39] = 4; // '

function replacement(c: number): string {
  switch (c) {
    case 38: return '&amp;';
    case 60: return '&lt;';
    case 62: return '&gt;';
    case 34: return '&quot;';
    case 39: return '&#39;';
    case 13: return '&#13;';
    default: return '\uFFFD'; // NUL
  }
}

/** Escape `s`, whose first character needing it is at `i`. */
function escapeFrom(s: string, i: number, mask: number): string {
  let out = '';
  let last = 0;
  for (const n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 63 && (NEEDS[c]! & mask) !== 0) {
      out += last === i ? replacement(c) : s.slice(last, i) + replacement(c);
      last = i + 1;
    }
  }
  return last === s.length ? out : out + s.slice(last);
}

// Detection: a string shorter than 13 chars is never a cons string in V8 (shorter concatenations are
// copied), and a `charCodeAt` loop over it is cheaper than a regex call. Longer strings use a regex,
// which scans natively and flattens a concatenated (cons) string once, where a `charCodeAt` loop over
// an unflattened template-literal result is several times slower. Either way the escaping pass starts
// at the first character found, not at 0.
const TEXT_RE = /[\0\r&<>]/;
const ATTR_RE = /[\0\r&<>"]/;
const ATTR_SINGLE_RE = /[\0\r&<>']/;
const SHORT = 13;
function shortFirst(s: string, mask: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 63 && (NEEDS[c]! & mask) !== 0) return i;
  }
  return -1;
}

/** Escape text content: `&`, `<`, `>` (plus NUL and CR, see above). */
export function escapeText(s: string): string {
  const i = s.length < SHORT ? shortFirst(s, 1) : s.search(TEXT_RE);
  return i < 0 ? s : escapeFrom(s, i, 1);
}

/**
 * Escape a double-quoted attribute value: `&`, `"`, and `<`, `>` too, so that a value can never close
 * a raw-text parent (`<noscript>`, `<iframe>`...) when the markup is re-parsed in another context.
 */
export function escapeAttr(s: string): string {
  const i = s.length < SHORT ? shortFirst(s, 2) : s.search(ATTR_RE);
  return i < 0 ? s : escapeFrom(s, i, 2);
}

/** Escape a single-quoted attribute value (used for JSON, which is full of `"`). */
export function escapeAttrSingle(s: string): string {
  const i = s.search(ATTR_SINGLE_RE);
  return i < 0 ? s : escapeFrom(s, i, 4);
}

/**
 * Make text safe inside `<script>`/`<style>`, whose content the parser does not decode: a closing tag
 * (`</script`, `</style`, any case) or `<!--` (which could enter the script's "double escaped" state)
 * gets a backslash after `<`. In JS strings and regexes and in CSS, `\/` and `\!` mean `/` and `!`.
 */
export function escapeRawText(s: string): string {
  if (s.indexOf('<') === -1) return s.indexOf('\0') === -1 ? s : s.replaceAll('\0', '\uFFFD');
  return s.replace(/<(\/(?:script|style)|!--)/gi, '<\\$1').replaceAll('\0', '\uFFFD');
}

/** JSON for embedding in a `<script type="application/json">` (or any HTML context): `<`, `>`, `&` escaped. */
export function jsonForHtml(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
