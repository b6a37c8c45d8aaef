import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appLayout } from '../../../src/toolchain/layout.ts';
import { parseJsonc, pathsToAliases, tsconfigAliases } from '../../../src/toolchain/test/aliases.ts';
import { E2E_PATTERN, renderTestConfig, renderTestSetup, testOutDir } from '../../../src/toolchain/test/config.ts';
import { browserEnv, splitTestArgs, vitestArgv } from '../../../src/toolchain/test/index.ts';
import { validateConfig } from '../../../src/runtime/config.ts';
import { resolveVitest } from '../../../src/toolchain/test/resolve-vitest.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vango-test-unit-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('arguments', () => {
  it('takes --browser out and passes everything else through, in order', () => {
    expect(splitTestArgs(['counter', '--browser', '--reporter=junit', '-t', 'adds'])).toEqual({ browser: true, vitest: ['counter', '--reporter=junit', '-t', 'adds'] });
    expect(splitTestArgs([])).toEqual({ browser: false, vitest: [] });
  });

  it('runs once unless watch mode or a vitest command was asked for', () => {
    expect(vitestArgv(['counter'], '/c.mjs')).toEqual(['run', 'counter', '--config', '/c.mjs']);
    expect(vitestArgv(['--watch'], '/c.mjs')).toEqual(['--watch', '--config', '/c.mjs']);
    expect(vitestArgv(['-w', 'x'], '/c.mjs')).toEqual(['-w', 'x', '--config', '/c.mjs']);
    expect(vitestArgv(['list'], '/c.mjs')).toEqual(['list', '--config', '/c.mjs']);
  });
});

describe('tsconfig paths as aliases', () => {
  it('reads JSONC (comments, trailing commas) without touching strings', () => {
    expect(parseJsonc('{\n // c\n "a": "x//y", /* b */ "b": [1,],\n}')).toEqual({ a: 'x//y', b: [1] });
  });

  it('maps wildcards and exact keys, most specific first', () => {
    const aliases = pathsToAliases({ '~/*': ['./app/*'], '@lib': ['./lib/index.ts'], '~/ui/*': ['./ui/*'] }, '/r');
    expect(aliases.map((a) => a.find.source)).toEqual(['^~\\/ui\\/(.*)$', '^~\\/(.*)$', '^@lib$']);
    const [ui, app, lib] = aliases;
    expect('~/components/X.tsx'.replace(app!.find, app!.replacement)).toBe('/r/app/components/X.tsx');
    expect('~/ui/B.tsx'.replace(ui!.find, ui!.replacement)).toBe('/r/ui/B.tsx');
    expect(lib!.replacement).toBe('/r/lib/index.ts');
  });

  it('resolves targets against baseUrl; no tsconfig means no aliases', () => {
    const d = tmp();
    expect(tsconfigAliases(d)).toEqual([]);
    writeFileSync(join(d, 'tsconfig.json'), '{ "compilerOptions": { "baseUrl": "src", "paths": { "#/*": ["*"] } } }');
    expect(tsconfigAliases(d)[0]!.replacement).toBe(join(d, 'src', '$1'));
  });
});

describe('generated config', () => {
  it('applies the JSX preset, aliases, the routes setup file, and leaves e2e specs to --browser', () => {
    const d = tmp();
    const layout = appLayout(d);
    const src = renderTestConfig({ layout, aliases: pathsToAliases({ '~/*': ['./app/*'] }, d), browser: false, setupFile: '/s.ts' }, undefined);
    expect(src).toContain("oxc: { jsx: { runtime: 'automatic', importSource: 'vango' } }");
    expect(src).toContain(`{ find: /^~\\/(.*)$/, replacement: ${JSON.stringify(join(d, 'app', '$1'))} }`);
    expect(src).toContain('"setupFiles": [\n      "/s.ts"\n    ]');
    expect(src).toContain(JSON.stringify(E2E_PATTERN));
    expect(src).toContain('const appConfig = undefined;');
    const browser = renderTestConfig({ layout, aliases: [], browser: true }, join(d, 'vitest.config.ts'));
    expect(browser).not.toContain(JSON.stringify(E2E_PATTERN));
    expect(browser).toContain('"VANGO_TEST_BROWSER": "1"');
    expect(browser).toContain('import appConfig from "../../vitest.config.ts";');
  });

  it('merges the app config: arrays concatenate, objects merge, the app wins on values, aliases first', async () => {
    const d = tmp();
    const layout = appLayout(d);
    mkdirSync(layout.genDir, { recursive: true });
    writeFileSync(join(d, 'vitest.config.mjs'), "export default () => ({ resolve: { alias: { '@x': '/x' } }, test: { testTimeout: 1234, include: ['extra/**/*.check.ts'] } });\n");
    const file = join(layout.genDir, 'vitest.config.mjs');
    writeFileSync(file, renderTestConfig({ layout, aliases: pathsToAliases({ '~/*': ['./app/*'] }, d), browser: false }, join(d, 'vitest.config.mjs')));
    const cfg = ((await import(/* @vite-ignore */ `${file}?t=${Date.now()}`)) as { default: { resolve: { alias: Array<{ find: unknown }> }; test: { testTimeout: number; include: string[]; root: string } } }).default;
    expect(cfg.test.testTimeout).toBe(1234);
    expect(cfg.test.include).toEqual(['**/*.{test,spec}.{ts,tsx,mts,js,jsx,mjs}', 'extra/**/*.check.ts']);
    expect(cfg.test.root).toBe(d);
    expect(cfg.resolve.alias[0]).toEqual({ find: '@x', replacement: '/x' });
    expect(cfg.resolve.alias).toHaveLength(2);
  });

  it('writes into app/.vango for an app, into node_modules/.cache for any other folder', () => {
    const d = tmp();
    expect(testOutDir(appLayout(d))).toBe(join(d, 'node_modules', '.cache', 'vango'));
    mkdirSync(join(d, 'app'));
    expect(testOutDir(appLayout(d))).toBe(join(d, 'app', '.vango'));
  });

  it('the setup module registers the generated table', () => {
    const src = renderTestSetup(appLayout(tmp()));
    expect(src).toContain("import { registerRoutes } from 'vango/test';");
    expect(src).toContain('import { routeTable } from "./routes.gen.ts";');
    expect(src).toContain('registerRoutes(routeTable);');
  });

  it("prefers the app's own vitest", () => {
    const d = tmp();
    const pkg = join(d, 'node_modules', 'vitest');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'vitest', version: '9.9.9', bin: { vitest: './vitest.mjs' } }));
    writeFileSync(join(pkg, 'vitest.mjs'), '');
    writeFileSync(join(pkg, 'dist', 'config.js'), '');
    writeFileSync(join(d, 'package.json'), '{}');
    const v = resolveVitest(d);
    expect(v).toMatchObject({ from: 'app', version: '9.9.9', bin: join(pkg, 'vitest.mjs') });
  });
});

describe('the browser for vango test --browser', () => {
  it('comes from the config (relative to the app root), unless VANGO_CHROMIUM is set', () => {
    expect(browserEnv({ test: { browser: 'bin/chrome' } }, '/app', {})).toEqual({ VANGO_CHROMIUM: '/app/bin/chrome' });
    expect(browserEnv({ test: { browser: '/opt/chromium' } }, '/app', {})).toEqual({ VANGO_CHROMIUM: '/opt/chromium' });
    expect(browserEnv({ test: { browser: '/opt/chromium' } }, '/app', { VANGO_CHROMIUM: '/x' })).toEqual({});
    expect(browserEnv({}, '/app', {})).toEqual({});
  });

  it('is a string in the config, checked when loaded', () => {
    expect(validateConfig({ test: { browser: '/usr/bin/chromium' } })).toEqual({ test: { browser: '/usr/bin/chromium' } });
    expect(() => validateConfig({ test: { browser: 1 } })).toThrow(/test\.browser: expected a string/);
    expect(() => validateConfig({ test: { browsr: 'x' } })).toThrow(/test\.browsr: unknown key/);
  });
});
