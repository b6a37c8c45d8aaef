import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineConfig, type VangoConfig } from 'vango';

describe('defineConfig', () => {
  it('returns its argument unchanged', () => {
    const config: VangoConfig = {
      server: { port: 8080, host: '0.0.0.0', origins: ['https://example.com'] },
      app: { lang: 'fr', stylesheets: ['/app.css'] },
      routes: { trailingSlash: 'always' },
      sessions: { maxSessions: 10, resumeWindowMs: 5_000, idleTimeoutMs: 60_000 },
      publicDir: 'static',
      dev: { open: true },
    };
    expect(defineConfig(config)).toBe(config);
    expect(defineConfig({})).toEqual({});
  });

  it('is typed: unknown keys and wrong types are compile errors (checked by tsc)', () => {
    expectTypeOf(defineConfig).parameter(0).toEqualTypeOf<VangoConfig>();
    expectTypeOf<VangoConfig['routes']>().toEqualTypeOf<{ trailingSlash?: 'never' | 'always' | 'ignore' } | undefined>();
    // Each @ts-expect-error fails `tsc --noEmit` if the line below it ever type-checks.
    // @ts-expect-error unknown top-level key
    defineConfig({ serverr: {} });
    // @ts-expect-error unknown nested key
    defineConfig({ server: { prot: 3000 } });
    // @ts-expect-error port must be a number
    defineConfig({ server: { port: '3000' } });
    // @ts-expect-error trailingSlash is a closed union
    defineConfig({ routes: { trailingSlash: 'sometimes' } });
    // @ts-expect-error open is a boolean
    defineConfig({ dev: { open: 'yes' } });
  });
});
