import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { styleToString } from '../../../src/runtime/vdom/attrs.ts';
import { escapeAttr, escapeAttrSingle, escapeRawText, escapeText, isScriptUrl, jsonForHtml, safeUrl } from '../../../src/runtime/render/index.ts';
import { styleString } from '../../../src/runtime/render/style.ts';
import { isValidAttrName } from '../../../src/runtime/render/props.ts';
import { parse, parsed } from './helpers.ts';

/** Reference escapers, obviously correct and slow. */
const refText = (s: string) => s.replace(/[&<>\0\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\uFFFD', '\r': '&#13;' })[c]!);
const refAttr = (s: string) => refText(s).replaceAll('"', '&quot;');
const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', '&', '<', '>', '"', "'", '\0', '\r', '\n', 'é', '😀') }));

describe('escapeText / escapeAttr', () => {
  it('returns the same string when nothing needs escaping', () => {
    for (const s of ['', 'plain', 'a much longer plain string with spaces and ünïcödé 😀', "it's"]) {
      expect(escapeText(s)).toBe(s);
      expect(escapeAttr(s)).toBe(s);
    }
  });

  it('escapes the special characters', () => {
    expect(escapeText('a&b<c>d"e\'f')).toBe('a&amp;b&lt;c&gt;d"e\'f');
    expect(escapeAttr('a&b<c>d"e\'f')).toBe('a&amp;b&lt;c&gt;d&quot;e\'f');
    expect(escapeAttrSingle('a&b<c>d"e\'f')).toBe('a&amp;b&lt;c&gt;d"e&#39;f');
    expect(escapeText('x\0y\r\nz')).toBe('x\uFFFDy&#13;\nz');
    expect(escapeText('&&')).toBe('&amp;&amp;');
    expect(escapeText(`${'long prefix '.repeat(3)}<`)).toBe(`${'long prefix '.repeat(3)}&lt;`);
  });

  it('matches the reference escapers on any string, also concatenated (cons) strings', () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        const s = a + b;
        expect(escapeText(s)).toBe(refText(s));
        expect(escapeAttr(s)).toBe(refAttr(s));
      }),
    );
  });

  it('round-trips through the HTML parser in text and attributes', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const frag = parse(`<p title="${escapeAttr(s)}">${escapeText(s)}</p>`);
        const p = frag.childNodes[0] as unknown as { attrs: { value: string }[]; childNodes: { value: string }[] };
        expect(p.attrs[0]!.value).toBe(parsed(s));
        expect(p.childNodes.map((c) => c.value).join('')).toBe(parsed(s));
      }),
    );
  });
});

describe('escapeRawText', () => {
  it('neutralizes end tags and comment openers, case-insensitively', () => {
    expect(escapeRawText('a</script>b</STYLE>c<!--d')).toBe('a<\\/script>b<\\/STYLE>c<\\!--d');
    expect(escapeRawText('if (a<b) {}')).toBe('if (a<b) {}');
    expect(escapeRawText('no markup')).toBe('no markup');
    expect(escapeRawText('x\0')).toBe('x\uFFFD');
  });

  it('never lets content end a script element', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '/', 's', 'S', 'c', 'r', 'i', 'p', 't', '>', '!', '-', 'x', ' ') }), (s) => {
        const frag = parse(`<script>${escapeRawText(s)}</script><i></i>`);
        expect(frag.childNodes.map((n) => n.nodeName)).toEqual(['script', 'i']);
      }),
    );
  });
});

describe('jsonForHtml', () => {
  it('escapes <, >, & and line separators and stays valid JSON', () => {
    const v = { a: '</script><!--', b: 'x&y', c: '\u2028\u2029' };
    const j = jsonForHtml(v);
    expect(j).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(j)).toEqual(v);
  });
});

describe('script URLs', () => {
  it('detects javascript: and vbscript: URLs the way the URL parser reads them', () => {
    for (const u of ['javascript:alert(1)', 'JaVaScRiPt:x', ' \t\njavascript:x', 'java\tscript:x', 'java\nscript:x', 'jav\rascript:x', '\u0001javascript:x', 'vbscript:msgbox', 'javascript:']) {
      expect(isScriptUrl(u), JSON.stringify(u)).toBe(true);
      expect(safeUrl(u)).toBe('about:blank#blocked');
    }
  });

  it('leaves other URLs alone', () => {
    for (const u of ['', '/path', 'https://example.com/javascript:x', '#javascript:x', 'java script:x', 'javascripts:x', '&#106;avascript:x', 'data:text/plain,hi', 'mailto:a@b', './javascript:x', 'j', 'javascript']) {
      expect(isScriptUrl(u), JSON.stringify(u)).toBe(false);
      expect(safeUrl(u)).toBe(u);
    }
  });
});

describe('styleString', () => {
  it('equals styleToString for any style object', () => {
    const key = fc.oneof(fc.constantFrom('fontSize', 'zIndex', 'opacity', 'lineHeight', '--custom', 'WebkitTransition', 'msFilter', 'margin', 'flexGrow', 'aspectRatio'), fc.string({ maxLength: 6 }));
    const value = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constantFrom(null, undefined, false, true, '', 0));
    fc.assert(
      fc.property(fc.dictionary(key, value), (style) => {
        expect(styleString(style)).toBe(styleToString(style));
      }),
    );
  });
});

describe('attribute names', () => {
  it('accepts XML-name-like attributes only', () => {
    for (const n of ['id', 'data-x', 'aria-label', 'xlink:href', 'viewBox', '_x', ':x', 'a.b']) expect(isValidAttrName(n), n).toBe(true);
    for (const n of ['', 'a b', 'a"b', "a'b", 'a>b', 'a/b', 'a=b', '1a', '-a', 'a\0', 'é', 'a\tb', '<a']) expect(isValidAttrName(n), n).toBe(false);
  });
});
