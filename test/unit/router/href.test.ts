import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHref, encodeSegment } from '../../../src/runtime/router/href.ts';
import { createRouter, type RouteMatch } from '../../../src/runtime/router/table.ts';
import { page, table } from './helpers.ts';

describe('buildHref', () => {
  it('fills params into the pattern', () => {
    expect(buildHref('/')).toBe('/');
    expect(buildHref('/about')).toBe('/about');
    expect(buildHref('/projects/:id', { id: 7 })).toBe('/projects/7');
    expect(buildHref('/projects/:id/edit', { id: 'abc' })).toBe('/projects/abc/edit');
    expect(buildHref('/n/:big', { big: 12345678901234567890n })).toBe('/n/12345678901234567890');
  });

  it('percent-encodes each value as one segment', () => {
    expect(buildHref('/u/:name', { name: 'a b/c?d#e%f' })).toBe('/u/a%20b%2Fc%3Fd%23e%25f');
    expect(buildHref('/u/:name', { name: 'J\u00fcrgen' })).toBe('/u/J%C3%BCrgen');
    expect(buildHref('/u/:name', { name: 'ada@example.com' })).toBe('/u/ada@example.com');
    expect(buildHref('/u/:name', { name: '...' })).toBe('/u/...');
  });

  it('joins a catch-all with /, each part encoded', () => {
    expect(buildHref('/docs/:slug+', { slug: ['guide', 'a b', 'x/y'] })).toBe('/docs/guide/a%20b/x%2Fy');
    expect(buildHref('/:all*', { all: [] })).toBe('/');
    expect(buildHref('/:all*')).toBe('/');
    expect(buildHref('/f/:all*', { all: ['a'] })).toBe('/f/a');
  });

  it('drops absent optional segments', () => {
    expect(buildHref('/:lang?/contact')).toBe('/contact');
    expect(buildHref('/:lang?/contact', { lang: 'fr' })).toBe('/fr/contact');
    expect(buildHref('/:lang?', {})).toBe('/');
  });

  it('throws on a missing or empty param, an empty catch-all and unsupported values', () => {
    expect(() => buildHref('/projects/:id', {})).toThrow(/missing param id/);
    expect(() => buildHref('/projects/:id')).toThrow(/missing param id/);
    expect(() => buildHref('/projects/:id', { id: '' })).toThrow(/empty/);
    expect(() => buildHref('/docs/:slug+', { slug: [] })).toThrow(/at least one/);
    expect(() => buildHref('/docs/:slug+', { slug: ['a', ''] })).toThrow(/empty/);
    expect(() => buildHref('/p/:id', { id: NaN })).toThrow(/NaN/);
    expect(() => buildHref('/p/:id', { id: {} as never })).toThrow(/string or a number/);
    expect(() => buildHref('/p/:id', { id: ['a'] })).toThrow(/one value/);
    // A URL parser would resolve these (new URL('/u/..', base).pathname is '/').
    expect(() => buildHref('/u/:name', { name: '..' })).toThrow(/dot segment/);
    expect(() => buildHref('/docs/:slug+', { slug: ['a', '.'] })).toThrow(/dot segment/);
  });

  it('encodeSegment keeps RFC 3986 pchar readable and encodes the rest', () => {
    expect(encodeSegment("a-b_c.d~e!f$g&h'i(j)k*l+m,n;o=p:q@r")).toBe("a-b_c.d~e!f$g&h'i(j)k*l+m,n;o=p:q@r");
    expect(encodeSegment('/?#[]% "<>\\^`{|}')).toBe('%2F%3F%23%5B%5D%25%20%22%3C%3E%5C%5E%60%7B%7C%7D');
  });

  it('round-trips through the router: href then match gives the same params (property)', () => {
    const router = createRouter(table([page('/a/:one/:rest+'), page('/b/:opt?/end')]));
    const seg = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(seg, fc.array(seg, { minLength: 1, maxLength: 4 }), fc.option(seg, { nil: undefined }), (one, rest, opt) => {
        // Through the URL parser, as the server sees it.
        const path = (p: string) => new URL(p, 'http://x').pathname;
        const m1 = router.match(path(buildHref('/a/:one/:rest+', { one, rest }))) as RouteMatch;
        expect(m1.kind).toBe('route');
        expect(m1.params).toEqual({ one, rest });
        const m2 = router.match(path(buildHref('/b/:opt?/end', { opt }))) as RouteMatch;
        expect(m2.params).toEqual(opt === undefined ? {} : { opt });
      }),
      { numRuns: 300 },
    );
  });
});
