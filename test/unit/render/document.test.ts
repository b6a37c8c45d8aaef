import { parse as parseDocument } from 'parse5';
import { describe, expect, it } from 'vitest';
import { h } from '../../../src/runtime/vdom/h.ts';
import { BOOT_DATA_ID, currentHead, HeadCollector, renderDocument, renderHeadTags, renderToString, runWithHead, useHead } from '../../../src/runtime/render/index.ts';
import { allElements, attrsOf, textContent } from './helpers.ts';

describe('head collection', () => {
  it('collects useHead calls from components, last title wins', () => {
    const Layout = (p: { children?: unknown }) => {
      useHead({ title: 'Site', meta: [{ name: 'description', content: 'site' }], htmlAttrs: { lang: 'en', class: 'a' } });
      return h('main', null, p.children as never);
    };
    const Page = () => {
      useHead({ title: 'Page', meta: [{ name: 'Description', content: 'page' }, { property: 'og:title', content: 'P' }], htmlAttrs: { class: 'b' }, bodyAttrs: { class: 'page' } });
      return h('p', null, 'x');
    };
    const head = new HeadCollector();
    const html = runWithHead(head, () => renderToString(h(Layout, null, h(Page, null))));
    expect(html).toBe('<main><p>x</p></main>');
    expect(head.data()).toEqual({
      title: 'Page',
      meta: [{ name: 'Description', content: 'page' }, { property: 'og:title', content: 'P' }],
      link: [],
      htmlAttrs: { lang: 'en', class: 'b' },
      bodyAttrs: { class: 'page' },
    });
  });

  it('deduplicates meta by name / property / http-equiv / charset and links by rel+href', () => {
    const c = new HeadCollector();
    c.add({ meta: [{ name: 'a', content: '1' }, { property: 'og:x', content: '1' }, { httpEquiv: 'refresh', content: '1' }, { charset: 'latin1' }, { content: 'anonymous 1' }] });
    c.add({ meta: [{ name: 'a', content: '2' }, { property: 'og:x', content: '2' }, { httpEquiv: 'Refresh', content: '2' }, { charset: 'utf-8' }, { content: 'anonymous 2' }] });
    c.add({ link: [{ rel: 'stylesheet', href: '/a.css' }, { rel: 'icon', href: '/i.png' }] });
    c.add({ link: [{ rel: 'stylesheet', href: '/a.css', media: 'print' }, { rel: 'stylesheet', href: '/b.css' }] });
    const d = c.data();
    expect(d.meta).toEqual([
      { name: 'a', content: '2' },
      { property: 'og:x', content: '2' },
      { httpEquiv: 'Refresh', content: '2' },
      { charset: 'utf-8' },
      { content: 'anonymous 1' },
      { content: 'anonymous 2' },
    ]);
    expect(d.link).toEqual([{ rel: 'stylesheet', href: '/a.css', media: 'print' }, { rel: 'icon', href: '/i.png' }, { rel: 'stylesheet', href: '/b.css' }]);
  });

  it('is a no-op without a collector, and restores the previous collector', () => {
    expect(currentHead()).toBeUndefined();
    useHead({ title: 'ignored' });
    const outer = new HeadCollector();
    const inner = new HeadCollector();
    runWithHead(outer, () => {
      useHead({ title: 'outer' });
      runWithHead(inner, () => useHead({ title: 'inner' }));
      useHead({ meta: [{ name: 'after', content: 'x' }] });
    });
    expect(outer.data().title).toBe('outer');
    expect(outer.data().meta).toEqual([{ name: 'after', content: 'x' }]);
    expect(inner.data().title).toBe('inner');
    expect(() => runWithHead(outer, () => { throw new Error('x'); })).toThrow('x');
    expect(currentHead()).toBeUndefined();
  });

  it('the head render option collects too', () => {
    const head = new HeadCollector();
    renderToString(h(() => (useHead({ title: 'Opt' }), 'x'), null), { head });
    expect(head.data().title).toBe('Opt');
    expect(currentHead()).toBeUndefined();
  });
});

describe('renderDocument', () => {
  it('writes the full shell', () => {
    const head = new HeadCollector();
    head.add({ title: 'Hello & <welcome>', meta: [{ name: 'description', content: 'A "quoted" page' }], link: [{ rel: 'stylesheet', href: '/app.css' }], bodyAttrs: { class: 'dark' } });
    const html = renderDocument({
      body: '<p>rendered</p>',
      head,
      lang: 'fr',
      scripts: [{ src: '/client.js', type: 'module', defer: true }, { src: '/x.js', async: true, nonce: 'own' }],
      inlineData: { sid: 's1', csrf: '</script><script>alert(1)</script>' },
      nonce: 'n0nce',
    });
    expect(html).toBe(
      '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<meta name="description" content="A &quot;quoted&quot; page">' +
        '<title>Hello &amp; &lt;welcome&gt;</title>' +
        '<link rel="stylesheet" href="/app.css">' +
        '</head><body class="dark"><div id="vango-root"><p>rendered</p></div>' +
        '<script type="application/json" id="vango-boot">{"sid":"s1","csrf":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}</script>' +
        '<script src="/client.js" type="module" defer nonce="n0nce"></script>' +
        '<script src="/x.js" async nonce="own"></script>' +
        '</body></html>',
    );
    const doc = parseDocument(html);
    const els = allElements(doc);
    expect(els.map((e) => e.tagName)).toEqual(['html', 'head', 'meta', 'meta', 'meta', 'title', 'link', 'body', 'div', 'p', 'script', 'script', 'script']);
    const boot = els.find((e) => attrsOf(e).id === BOOT_DATA_ID)!;
    expect(JSON.parse(textContent(boot))).toEqual({ sid: 's1', csrf: '</script><script>alert(1)</script>' });
  });

  it('uses defaults, lang from htmlAttrs, a declared viewport and a custom root id', () => {
    expect(renderDocument({ body: '' })).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title></title></head><body><div id="vango-root"></div></body></html>',
    );
    const html = renderDocument({
      body: 'x',
      head: { htmlAttrs: { lang: 'de', 'data-theme': 'dark', onload: 'alert(1)' }, meta: [{ name: 'viewport', content: 'width=500' }, { charset: 'latin1' }] },
      rootId: 'app',
    });
    expect(html).toBe(
      '<!DOCTYPE html><html lang="de" data-theme="dark"><head><meta charset="utf-8"><meta name="viewport" content="width=500"><title></title></head><body><div id="app">x</div></body></html>',
    );
  });

  it('renders head tags on their own and drops invalid or inline-handler attributes', () => {
    expect(renderHeadTags({ meta: [{ httpEquiv: 'refresh', content: '5' }], link: [{ rel: 'icon', href: 'javascript:alert(1)', onerror: 'x', 'bad name': 'y' }] })).toBe(
      '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5"><title></title><link rel="icon" href="about:blank#blocked">',
    );
  });
});
