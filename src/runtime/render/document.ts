/**
 * The full HTML document around a rendered root.
 */
import { attrValue } from '../vdom/attrs.ts';
import { escapeAttr, escapeText, jsonForHtml } from './escape.ts';
import { HeadCollector, type HeadData, type HeadSnapshot, type MetaTag } from './head.ts';
import { PropKind, propInfo } from './props.ts';
import { BLOCKED_URL, isScriptUrl } from './url.ts';

/** A `<script src>` at the end of the body. */
export interface ScriptTag {
  src: string;
  type?: string;
  defer?: boolean;
  async?: boolean;
  /** Overrides the document nonce for this script. */
  nonce?: string;
}

export interface DocumentOptions {
  /** The rendered HTML of the live root (trusted: it comes from the renderer). */
  body: string;
  /** Head entries: a collector filled during the render, or plain data. */
  head?: HeadCollector | HeadData;
  /** `<html lang>`; default `htmlAttrs.lang`, then `en`. */
  lang?: string;
  /** Id of the element wrapping `body`; default `vango-root`. */
  rootId?: string;
  scripts?: ScriptTag[];
  /** Boot data for the client, written as JSON in `<script type="application/json" id="vango-boot">`. */
  inlineData?: Record<string, string>;
  /** CSP nonce for the scripts. */
  nonce?: string;
}

/** The viewport used unless the head declares one. */
export const DEFAULT_VIEWPORT = 'width=device-width, initial-scale=1';
/** Id of the boot data script. */
export const BOOT_DATA_ID = 'vango-boot';

/**
 * Attributes from a plain record, with the element rules: invalid names and `on*` dropped, script URLs
 * blocked, values escaped, `false`/null absent.
 */
export function renderAttrs(attrs: Record<string, unknown>): string {
  let s = '';
  for (const k in attrs) {
    const p = propInfo(k === 'httpEquiv' ? 'http-equiv' : k);
    if (p.kind !== PropKind.Attr) continue;
    let v = attrValue(p.name, attrs[k]);
    if (v === null) continue;
    if (p.url && isScriptUrl(v)) v = BLOCKED_URL;
    s += v === '' ? p.bare : p.prefix + escapeAttr(v) + '"';
  }
  return s;
}

function headData(head: HeadCollector | HeadData | undefined): HeadSnapshot {
  const c = new HeadCollector();
  c.add({ meta: [{ name: 'viewport', content: DEFAULT_VIEWPORT }] });
  if (head !== undefined) c.add(head instanceof HeadCollector ? head.data() : head);
  return c.data();
}

/** The inner HTML of `<head>` for head data (charset first; a declared charset is ignored, we write UTF-8). */
export function renderHeadTags(head: HeadCollector | HeadData | undefined): string {
  const d = headData(head);
  let s = '<meta charset="utf-8">';
  for (const m of d.meta) if ((m as MetaTag).charset === undefined) s += '<meta' + renderAttrs(m) + '>';
  s += '<title>' + escapeText(d.title ?? '') + '</title>';
  for (const l of d.link) s += '<link' + renderAttrs(l) + '>';
  return s;
}

/** A complete HTML document: head, the root wrapper around `body`, boot data and scripts. */
export function renderDocument(opts: DocumentOptions): string {
  const d = headData(opts.head);
  const { lang: declaredLang, ...htmlAttrs } = d.htmlAttrs;
  const lang = opts.lang ?? declaredLang ?? 'en';
  let s = '<!DOCTYPE html><html' + renderAttrs({ lang, ...htmlAttrs }) + '><head>' + renderHeadTags(d) + '</head>';
  s += '<body' + renderAttrs(d.bodyAttrs) + '><div' + renderAttrs({ id: opts.rootId ?? 'vango-root' }) + '>' + opts.body + '</div>';
  if (opts.inlineData !== undefined) {
    s += '<script type="application/json" id="' + BOOT_DATA_ID + '">' + jsonForHtml(opts.inlineData) + '</script>';
  }
  for (const sc of opts.scripts ?? []) {
    s += '<script' + renderAttrs({ src: sc.src, type: sc.type, defer: sc.defer, async: sc.async, nonce: sc.nonce ?? opts.nonce }) + '></script>';
  }
  return s + '</body></html>';
}
