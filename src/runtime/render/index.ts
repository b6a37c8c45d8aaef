/**
 * Server-side rendering: HTML strings and streams of vnode trees, head management, the document shell.
 */
export { renderToString, renderMounted, type MountedRenderOptions } from './serialize.ts';
export { renderToStream, renderMountedToStream, renderToChunks, renderToAsyncIterable, type StreamOptions } from './stream.ts';
export type { RenderOptions, ComponentCaller } from './walk.ts';
export { useHead, runWithHead, currentHead, HeadCollector, type HeadInput, type HeadData, type HeadSnapshot, type MetaTag, type LinkTag } from './head.ts';
export { renderDocument, renderHeadTags, renderAttrs, DEFAULT_VIEWPORT, BOOT_DATA_ID, type DocumentOptions, type ScriptTag } from './document.ts';
export { escapeText, escapeAttr, escapeAttrSingle, escapeRawText, jsonForHtml } from './escape.ts';
export { isScriptUrl, safeUrl, BLOCKED_URL, URL_ATTRIBUTES } from './url.ts';
export { VOID_ELEMENTS, RAW_TEXT_ELEMENTS, ESCAPABLE_RAW_TEXT_ELEMENTS, BOOLEAN_ATTRIBUTES, isValidTagName } from './elements.ts';
export { isValidAttrName } from './props.ts';
