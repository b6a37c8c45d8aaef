/**
 * XSS: vectors from the OWASP XSS Filter Evasion Cheat Sheet (and friends) placed in every place user
 * data can reach the HTML. After parsing the output with parse5: no element other than the ones we
 * rendered exists, no `on*` attribute exists, and the data round-trips to the original string.
 *
 * Policy tested here: URLs are not rewritten, except that a `javascript:`/`vbscript:` URL in a URL
 * attribute (href, src, action, formaction, ...) renders as `about:blank#blocked`.
 */
import { parse as parseDocument } from 'parse5';
import { describe, expect, it } from 'vitest';
import { h } from '../../../src/runtime/vdom/h.ts';
import type { Child } from '../../../src/runtime/vdom/vnode.ts';
import { BLOCKED_URL, HeadCollector, isScriptUrl, renderDocument, renderToString, runWithHead, useHead } from '../../../src/runtime/render/index.ts';
import { allElements, attrsOf, parse, parsed, textContent, type P5Element, type P5Parent } from './helpers.ts';

const VECTORS: string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' \t\n javascript:alert(1)',
  'java\tscript:alert(1)',
  '\u000bjavascript:alert(1)',
  'vbscript:msgbox(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  '</textarea><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<img src="x" onerror="alert(1)">',
  "<IMG SRC=javascript:alert('XSS')>",
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '``onmouseover=alert(1)',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<scr\0ipt>alert(1)</scr\0ipt>',
  '\0<script>alert(1)</script>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<iframe src="javascript:alert(1)"></iframe>',
  "<BODY ONLOAD=alert('XSS')>",
  '<!--<script>alert(1)//-->',
  '--><script>alert(1)</script><!--',
  '<!--[--><script>alert(1)</script><!--]-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  'background:url(javascript:alert(1))',
  'expression(alert(1))',
  '"; alert(1); //',
  "'-alert(1)-'",
  '\\"; alert(1);//',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<form><button formaction=javascript:alert(1)>X</button>',
  '<object data="javascript:alert(1)">',
  '\r\n<script>alert(1)</script>\r',
  '<img src=x onerror=&#x61;lert(1)>',
  '\u2028\u2029<script>alert(1)</script>',
  '<plaintext>',
  '<xmp><script>alert(1)</script></xmp>',
  '<style>@import\'javascript:alert(1)\';</style>',
  '<table><td background="javascript:alert(1)">',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '<div style="width: expression(alert(1));">',
  '\ud83d\ude00<script>alert(1)</script>\u0085\u00a0',
];

/**
 * Raw text (script/style content) cannot carry a character reference, so the parser's newline
 * normalization applies (CR LF and CR become LF; a line break either way in JS and CSS).
 */
const rawParsed = (v: string) => parsed(v).replace(/\r\n?/g, '\n');

/** Undo the renderer's raw-text neutralization (for round-trip checks of script/style content). */
const unneutralize = (s: string) => s.replace(/<\\(\/(?:script|style)|!--)/gi, '<$1');

interface Context {
  name: string;
  render(v: string): string;
  /** Tag names of every element after parsing (pre-order). */
  tags: string[] | ((v: string) => string[]);
  /** The data as read back from the parsed tree. */
  read(root: P5Parent): string | undefined;
  /** What `read` must return (default: the vector as the parser sees it). */
  expect?(v: string): string | undefined;
  document?: boolean;
}

const first = (root: P5Parent, tag: string): P5Element => {
  const el = allElements(root).find((e) => e.tagName === tag);
  if (!el) throw new Error(`no <${tag}>`);
  return el;
};
const attr = (tag: string, name: string) => (root: P5Parent) => attrsOf(first(root, tag))[name];
const url = (v: string) => (isScriptUrl(v) ? BLOCKED_URL : parsed(v));
const nonEmpty = (v: string) => (v === '' ? undefined : parsed(v));

const CONTEXTS: Context[] = [
  { name: 'text', render: (v) => renderToString(h('div', null, v, h('i', null))), tags: ['div', 'i'], read: (r) => textContent(first(r, 'div')) },
  { name: 'text in a component', render: (v) => renderToString(h('p', null, 'x', h(() => v as Child, null))), tags: ['p'], read: (r) => textContent(first(r, 'p')), expect: (v) => `x${parsed(v)}` },
  { name: 'pre text', render: (v) => renderToString(h('pre', null, v)), tags: ['pre'], read: (r) => textContent(first(r, 'pre')) },
  { name: 'svg text', render: (v) => renderToString(h('svg', null, h('text', null, v))), tags: ['svg', 'text'], read: (r) => textContent(first(r, 'text')) },
  { name: 'title attribute', render: (v) => renderToString(h('div', { title: v }, h('i', null))), tags: ['div', 'i'], read: attr('div', 'title') },
  { name: 'data attribute', render: (v) => renderToString(h('div', { 'data-x': v })), tags: ['div'], read: attr('div', 'data-x') },
  { name: 'aria attribute', render: (v) => renderToString(h('div', { 'aria-label': v })), tags: ['div'], read: attr('div', 'aria-label') },
  { name: 'input value', render: (v) => renderToString(h('form', null, h('input', { value: v }), h('i', null))), tags: ['form', 'input', 'i'], read: attr('input', 'value') },
  { name: 'class string', render: (v) => renderToString(h('div', { class: v })), tags: ['div'], read: attr('div', 'class'), expect: nonEmpty },
  { name: 'class object key', render: (v) => renderToString(h('div', { class: { [v]: true } })), tags: ['div'], read: attr('div', 'class'), expect: nonEmpty },
  { name: 'class array', render: (v) => renderToString(h('div', { class: ['a', v] })), tags: ['div'], read: attr('div', 'class'), expect: (v) => (v ? `a ${parsed(v)}` : 'a') },
  { name: 'style string', render: (v) => renderToString(h('div', { style: v })), tags: ['div'], read: attr('div', 'style') },
  { name: 'style object value', render: (v) => renderToString(h('div', { style: { color: v } })), tags: ['div'], read: attr('div', 'style'), expect: (v) => (v ? `color:${parsed(v)}` : undefined) },
  { name: 'style object key', render: (v) => renderToString(h('div', { style: { [v]: 1 } })), tags: ['div'], read: (r) => attr('div', 'style')(r) !== undefined ? 'present' : 'absent', expect: () => 'present' },
  { name: 'href', render: (v) => renderToString(h('a', { href: v }, 'x')), tags: ['a'], read: attr('a', 'href'), expect: url },
  { name: 'img src', render: (v) => renderToString(h('img', { src: v, alt: v })), tags: ['img'], read: attr('img', 'src'), expect: url },
  { name: 'iframe src', render: (v) => renderToString(h('iframe', { src: v })), tags: ['iframe'], read: attr('iframe', 'src'), expect: url },
  { name: 'form action', render: (v) => renderToString(h('form', { action: v })), tags: ['form'], read: attr('form', 'action'), expect: url },
  { name: 'button formaction', render: (v) => renderToString(h('button', { formaction: v })), tags: ['button'], read: attr('button', 'formaction'), expect: url },
  { name: 'svg xlink:href', render: (v) => renderToString(h('svg', null, h('a', { 'xlink:href': v }))), tags: ['svg', 'a'], read: (r) => first(r, 'a').attrs.find((a) => a.name === 'href')?.value, expect: url },
  { name: 'textarea value', render: (v) => renderToString(h('div', null, h('textarea', { value: v }), h('i', null))), tags: ['div', 'textarea', 'i'], read: (r) => textContent(first(r, 'textarea')) },
  { name: 'option', render: (v) => renderToString(h('select', null, h('option', { value: v }, v))), tags: ['select', 'option'], read: attr('option', 'value') },
  { name: 'script content', render: (v) => renderToString(h('div', null, h('script', null, v), h('i', null))), tags: ['div', 'script', 'i'], read: (r) => unneutralize(textContent(first(r, 'script'))), expect: rawParsed },
  { name: 'style content', render: (v) => renderToString(h('div', null, h('style', null, v), h('i', null))), tags: ['div', 'style', 'i'], read: (r) => unneutralize(textContent(first(r, 'style'))), expect: rawParsed },
  { name: 'svg style content', render: (v) => renderToString(h('svg', null, h('style', null, v))), tags: ['svg', 'style'], read: (r) => textContent(first(r, 'style')) },
  { name: 'noscript child attribute', render: (v) => renderToString(h('div', null, h('noscript', null, h('p', { title: v })), h('i', null))), tags: ['div', 'noscript', 'i'], read: () => 'contained', expect: () => 'contained' },
  {
    name: 'hook name and config',
    render: (v) => renderToString(h('div', { hook: { name: v, config: { v } } })),
    tags: ['div'],
    read: (r) => {
      const a = attrsOf(first(r, 'div'));
      return JSON.stringify([a['data-hook'], JSON.parse(a['data-hook-config']!).v]);
    },
    expect: (v) => JSON.stringify([parsed(v), v]),
  },
  { name: 'event key modifier', render: (v) => renderToString(h('input', { onKeyDown: { handler: () => {}, key: v } })), tags: ['input'], read: attr('input', 'data-on'), expect: (v) => `keydown.key-${encodeURIComponent(v).replace(/\./g, '%2E')}` },
  {
    name: 'document title',
    document: true,
    render: (v) => {
      const head = new HeadCollector();
      runWithHead(head, () => renderToString(h(() => (useHead({ title: v }), null), null)));
      return renderDocument({ body: '', head });
    },
    tags: ['html', 'head', 'meta', 'meta', 'title', 'body', 'div'],
    read: (r) => textContent(first(r, 'title')),
  },
  {
    name: 'document meta, link, html/body attributes, boot data',
    document: true,
    render: (v) => renderDocument({ body: '<p></p>', head: { meta: [{ name: 'description', content: v }], link: [{ rel: 'canonical', href: v }], htmlAttrs: { 'data-v': v }, bodyAttrs: { class: v } }, lang: v, rootId: v, inlineData: { v }, scripts: [{ src: v }], nonce: v }),
    tags: ['html', 'head', 'meta', 'meta', 'meta', 'title', 'link', 'body', 'div', 'p', 'script', 'script'],
    read: (r) => {
      const els = allElements(r);
      const desc = els.find((e) => attrsOf(e).name === 'description')!;
      const ok = [attrsOf(desc).content, attrsOf(first(r, 'html'))['data-v'], attrsOf(first(r, 'html')).lang, attrsOf(first(r, 'body')).class, attrsOf(first(r, 'div')).id, attrsOf(els.filter((e) => e.tagName === 'script')[1]!).nonce];
      const boot = JSON.parse(textContent(els.find((e) => e.tagName === 'script')!)).v;
      const link = attrsOf(first(r, 'link')).href;
      const src = attrsOf(els.filter((e) => e.tagName === 'script')[1]!).src;
      return JSON.stringify([...ok, boot, link, src]);
    },
    expect: (v) => {
      const a = parsed(v);
      const u = url(v);
      return JSON.stringify([a, a, a, v === '' ? undefined : a, a, a, v, u, u].map((x) => x));
    },
  },
];

function walkAttrs(root: P5Parent): string[] {
  return allElements(root).flatMap((e) => e.attrs.map((a) => a.name));
}

describe('XSS vectors', () => {
  it('has a big enough table', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
  });

  for (const ctx of CONTEXTS) {
    it(`cannot break out of: ${ctx.name}`, () => {
      for (const v of VECTORS) {
        const html = ctx.render(v);
        const root: P5Parent = ctx.document ? parseDocument(html) : parse(html);
        const tags = allElements(root).map((e) => e.tagName);
        const label = `${ctx.name} ← ${JSON.stringify(v)}\n${html}`;
        expect(tags, label).toEqual(typeof ctx.tags === 'function' ? ctx.tags(v) : ctx.tags);
        expect(walkAttrs(root).filter((n) => /^on/i.test(n) && n.length > 2), label).toEqual([]);
        expect(ctx.read(root), label).toBe(ctx.expect ? ctx.expect(v) : parsed(v));
      }
    });
  }

  it('drops prop names that could inject attributes or markup', () => {
    for (const v of VECTORS) {
      const html = renderToString(h('div', { [v]: 'x', [`${v} onclick`]: 'y', [`x" onclick="alert(1)`]: 'z' }, h('i', null)));
      const root = parse(html);
      expect(allElements(root).map((e) => e.tagName), html).toEqual(['div', 'i']);
      expect(walkAttrs(root).filter((n) => /^on/i.test(n)), html).toEqual([]);
    }
    expect(renderToString(h('div', { 'title onclick': 'x', 'x>y': 'z', 'a=b': 1, 'a/b': 1 }))).toBe('<div></div>');
  });

  it('blocks script URLs only in URL attributes', () => {
    expect(renderToString(h('a', { href: 'javascript:alert(1)', title: 'javascript:alert(1)' }))).toBe(`<a href="${BLOCKED_URL}" title="javascript:alert(1)"></a>`);
    expect(renderToString(h('a', { HREF: ' JavaScript:x' }))).toBe(`<a HREF="${BLOCKED_URL}"></a>`);
    expect(renderToString(h('a', { href: 'https://example.com/?q=javascript:x' }))).toBe('<a href="https://example.com/?q=javascript:x"></a>');
  });
});
