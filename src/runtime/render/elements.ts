/**
 * Element categories of the HTML parser that change how an element is serialized.
 */

import { VOID_ELEMENTS } from '../vdom/html.ts';

/** Void elements: no content, no end tag. */
export { VOID_ELEMENTS };

/** Raw text elements: content is not decoded, so it is written unescaped (but neutralized). */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style']);

/** Escapable raw text elements: only text content, character references decoded. */
export const ESCAPABLE_RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['textarea', 'title']);

/**
 * Elements the parser also reads as raw text (depending on scripting). We render their children as
 * ordinary markup; it stays safe because text and attribute values escape `<` and `>`.
 */
export const PARSER_RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'xmp']);

/** Elements whose first newline right after the start tag is dropped by the parser. */
export const LEADING_NEWLINE_ELEMENTS: ReadonlySet<string> = new Set(['pre', 'textarea', 'listing']);

/** Elements that switch the parser to foreign (SVG/MathML) content. */
export const FOREIGN_ROOTS: ReadonlySet<string> = new Set(['svg', 'math']);

/** Elements we refuse to render: `<plaintext>` turns the rest of the document into text. */
export const REFUSED_ELEMENTS: ReadonlySet<string> = new Set(['plaintext']);

/**
 * Boolean attributes (reference; `attrValue` already renders `true` as present and `false` as absent
 * for every attribute except `aria-*` and `data-*`).
 */
export const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'allowfullscreen', 'async', 'autofocus', 'autoplay', 'checked', 'controls', 'default', 'defer', 'disabled',
  'formnovalidate', 'hidden', 'inert', 'ismap', 'itemscope', 'loop', 'multiple', 'muted', 'nomodule',
  'novalidate', 'open', 'playsinline', 'readonly', 'required', 'reversed', 'selected', 'shadowrootclonable',
  'shadowrootdelegatesfocus', 'shadowrootserializable',
]);

/** A tag name we can write without it being read as something else (letters, digits, `-`, `_`, `.`). */
export function isValidTagName(tag: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(tag);
}

/** Tag flags, cached per tag string by the serializer. */
export const TagFlag = {
  Void: 1,
  RawText: 2,
  Textarea: 4,
  /** pre / listing: a leading newline in the first text must be doubled. */
  LeadingNewline: 8,
  ForeignRoot: 16,
} as const;

/** What the serializer needs to know about a tag, computed once per tag string. */
export interface TagInfo {
  /** `<tag` */
  readonly open: string;
  /** `<tag>`: the start tag of an element without props. */
  readonly start: string;
  /** `</tag>` */
  readonly close: string;
  readonly flags: number;
}

const cache = new Map<string, TagInfo>();
const CACHE_LIMIT = 2048;

/** Tag info; throws for a tag name that is invalid or refused (a programming error, never data). */
export function tagInfo(tag: string): TagInfo {
  // Small enough to be inlined into the serializer; the first sight of a tag goes out of line.
  return cache.get(tag) ?? computeTagInfo(tag);
}

function computeTagInfo(tag: string): TagInfo {
  if (!isValidTagName(tag)) throw new TypeError(`Invalid element tag name ${JSON.stringify(tag)}.`);
  const t = tag.toLowerCase();
  if (REFUSED_ELEMENTS.has(t)) throw new TypeError(`<${tag}> cannot be rendered: it turns the rest of the document into text.`);
  let flags = 0;
  if (VOID_ELEMENTS.has(t)) flags |= TagFlag.Void;
  if (RAW_TEXT_ELEMENTS.has(t)) flags |= TagFlag.RawText;
  if (t === 'textarea') flags |= TagFlag.Textarea;
  if (t === 'pre' || t === 'listing') flags |= TagFlag.LeadingNewline;
  if (FOREIGN_ROOTS.has(t)) flags |= TagFlag.ForeignRoot;
  const info: TagInfo = { open: `<${tag}`, start: `<${tag}>`, close: `</${tag}>`, flags };
  if (cache.size < CACHE_LIMIT) cache.set(tag, info);
  return info;
}
