import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RouteRule } from '../../../src/runtime/router/errors.ts';
import { compileParams, decodeSegment, defineParams, parseIntParam, parseUuidParam, REJECT } from '../../../src/runtime/router/params.ts';
import { createRouter, type RouteMatch } from '../../../src/runtime/router/table.ts';
import { page, routeError, table } from './helpers.ts';

describe("'int'", () => {
  it('accepts canonical base-10 safe integers', () => {
    expect(parseIntParam('0')).toBe(0);
    expect(parseIntParam('42')).toBe(42);
    expect(parseIntParam('-7')).toBe(-7);
    expect(parseIntParam(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseIntParam(String(Number.MIN_SAFE_INTEGER))).toBe(Number.MIN_SAFE_INTEGER);
  });

  it('rejects signs, leading zeros, floats, exponents, hex, blanks and unsafe integers', () => {
    for (const raw of ['+1', '01', '-0', '1.0', '1.5', '1e3', '0x10', ' 1', '1 ', '', '-', 'abc', 'NaN', 'Infinity', '9007199254740992', '99999999999999999999', '１２']) {
      expect(parseIntParam(raw), raw).toBe(REJECT);
    }
  });

  it('round-trips every safe integer (property)', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => Object.is(n, -0) || parseIntParam(String(n)) === n));
  });
});

describe("'uuid'", () => {
  it('accepts versions 1-8 and the nil UUID in any case, returning lower case', () => {
    expect(parseUuidParam('123e4567-e89b-12d3-a456-426614174000')).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(parseUuidParam('F47AC10B-58CC-4372-A567-0E02B2C3D479')).toBe('f47ac10b-58cc-4372-a567-0e02b2c3d479');
    expect(parseUuidParam('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
    expect(parseUuidParam('00000000-0000-0000-0000-000000000000')).toBe('00000000-0000-0000-0000-000000000000');
    expect(parseUuidParam(crypto.randomUUID())).not.toBe(REJECT);
  });

  it('rejects wrong versions, variants, lengths and shapes', () => {
    for (const raw of [
      '123e4567-e89b-02d3-a456-426614174000', // version 0
      '123e4567-e89b-92d3-a456-426614174000', // version 9
      '123e4567-e89b-12d3-c456-426614174000', // variant 110x
      '123e4567e89b12d3a456426614174000', // no dashes
      '{123e4567-e89b-12d3-a456-426614174000}',
      '123e4567-e89b-12d3-a456-42661417400g',
      '123e4567-e89b-12d3-a456-4266141740000',
      '',
    ]) {
      expect(parseUuidParam(raw), raw).toBe(REJECT);
    }
  });
});

describe('compileParams', () => {
  const kinds = { id: 'one', tags: 'many', lang: 'optional' } as const;

  it('coerces each param by its spec, catch-alls element by element, and leaves absent optionals alone', () => {
    const coerce = compileParams({ id: 'int', tags: { enum: ['a', 'b'] }, lang: (raw) => raw.toUpperCase() }, kinds, 'f.tsx')!;
    expect(coerce({ id: '7', tags: ['a', 'b', 'a'] })).toEqual({ id: 7, tags: ['a', 'b', 'a'] });
    expect(coerce({ id: '7', tags: ['a'], lang: 'fr' })).toEqual({ id: 7, tags: ['a'], lang: 'FR' });
    expect(coerce({ id: 'x', tags: ['a'] })).toBeUndefined();
    expect(coerce({ id: '7', tags: ['a', 'c'] })).toBeUndefined();
  });

  it('a custom function rejects by throwing or returning undefined', () => {
    const coerce = compileParams(
      {
        id: (raw) => {
          if (raw === 'boom') throw new Error('bad');
          return raw === 'none' ? undefined : { raw };
        },
      },
      { id: 'one' },
      'f.tsx',
    )!;
    expect(coerce({ id: 'ok' })).toEqual({ id: { raw: 'ok' } });
    expect(coerce({ id: 'boom' })).toBeUndefined();
    expect(coerce({ id: 'none' })).toBeUndefined();
  });

  it("no spec, or only 'string' specs, needs no coercion step", () => {
    expect(compileParams(undefined, kinds, 'f.tsx')).toBeUndefined();
    expect(compileParams({ id: 'string' }, kinds, 'f.tsx')).toBeUndefined();
  });

  it('rejects a spec naming an unknown param, or an invalid spec value, at startup', () => {
    const unknown = routeError(() => compileParams({ slug: 'int' }, { id: 'one' }, 'projects/[id].tsx'));
    expect(unknown.rule).toBe(RouteRule.UnknownParam);
    expect(unknown.file).toBe('projects/[id].tsx');
    expect(unknown.message).toMatch(/slug.*has id/);
    for (const spec of ['integer', 3, null, { enum: [] }, { enum: [1] }, { values: ['a'] }]) {
      expect(routeError(() => compileParams({ id: spec as never }, { id: 'one' }, 'f.tsx')).rule, JSON.stringify(spec)).toBe(RouteRule.BadParamSpec);
    }
  });

  it('defineParams keeps the spec as is', () => {
    const spec = { id: 'int' } as const;
    expect(defineParams(spec)).toBe(spec);
  });
});

describe('decodeSegment', () => {
  it('decodes valid escapes and refuses malformed ones without throwing', () => {
    expect(decodeSegment('plain')).toBe('plain');
    expect(decodeSegment('a%20b')).toBe('a b');
    expect(decodeSegment('%E2%9C%93')).toBe('\u2713');
    for (const bad of ['%E0%A4%A', '%', '%zz', '%E0%A4', '%C0%80', '%ED%A0%80']) expect(decodeSegment(bad), bad).toBeUndefined();
  });

  it('never throws on any string (property)', () => {
    const escapes = fc.array(fc.oneof(fc.constantFrom('%', '%E0', '%A4', '%ED', '%80', '%2F', '%zz', 'a', '%C3%A9'), fc.string({ maxLength: 3 })), { maxLength: 8 });
    fc.assert(
      fc.property(escapes, (parts) => {
        const s = parts.join('');
        const d = decodeSegment(s);
        return d === undefined || typeof d === 'string';
      }),
      { numRuns: 500 },
    );
  });
});

describe('coercion in the router: a bad value is no match (404), never an error', () => {
  const router = createRouter(
    table([
      page('/projects/:id', { module: { params: { id: 'int' } } }),
      page('/projects/new'),
      page('/u/:uid', { module: { params: { uid: 'uuid' } } }),
      page('/:lang/about', { module: { params: { lang: { enum: ['en', 'fr'] } } } }),
      page('/files/:path+', { module: { params: { path: (raw) => (raw.startsWith('.') ? undefined : raw) } } }),
    ]),
  );
  const route = (p: string) => (router.match(p) as RouteMatch | undefined)?.route.pattern;
  const params = (p: string) => (router.match(p) as RouteMatch).params;

  it('coerced values reach the match', () => {
    expect(params('/projects/7')).toEqual({ id: 7 });
    expect((router.match('/projects/7') as RouteMatch).rawParams).toEqual({ id: '7' });
    expect(params('/u/F47AC10B-58CC-4372-A567-0E02B2C3D479')).toEqual({ uid: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' });
    expect(params('/fr/about')).toEqual({ lang: 'fr' });
    expect(params('/files/a/b.txt')).toEqual({ path: ['a', 'b.txt'] });
  });

  it('values that do not coerce match nothing', () => {
    for (const p of ['/projects/abc', '/projects/1.5', '/projects/%2B1', '/projects/9007199254740993', '/u/not-a-uuid', '/de/about', '/files/a/.env']) {
      expect(() => router.match(p), p).not.toThrow();
      expect(router.match(p), p).toBeUndefined();
    }
  });

  it('a rejected param lets a lower-precedence route match instead', () => {
    const r = createRouter(table([page('/p/:id', { module: { params: { id: 'int' } } }), page('/p/:slug+')]));
    expect((r.match('/p/12') as RouteMatch).route.pattern).toBe('/p/:id');
    expect((r.match('/p/intro') as RouteMatch).route.pattern).toBe('/p/:slug+');
    expect(route('/projects/new')).toBe('/projects/new');
  });

  it('malformed percent-encoding in a param is no match', () => {
    expect(router.match('/projects/%E0%A4%A')).toBeUndefined();
    expect(router.match('/u/%')).toBeUndefined();
  });
});
