/** Script URL blocking lives with the attribute rules (vdom/url.ts), shared by SSR and the diff. */
export { BLOCKED_URL, URL_ATTRIBUTES, isScriptUrl, safeUrl } from '../vdom/url.ts';
