// Every template, as a user gets it: scaffolded by the real bin, installed against this checkout,
// then its own tests and a type check. Slow (npm install), so one scaffold + install per template.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from '../cli/fresh-build.ts';
import { REPO, TEMPLATES, appTests, install, run, scaffold, type ScaffoldedApp } from './scaffold.ts';

beforeAll(ensureFreshBuild, 180_000);

describe.each(TEMPLATES)('template %s', (template) => {
  let app: ScaffoldedApp;

  beforeAll(async () => {
    app = await scaffold(template);
    await install(app.dir);
  }, 180_000);
  afterAll(() => app?.remove());

  it('depends on this checkout and has the scripts every app has', () => {
    const pkg = JSON.parse(readFileSync(join(app.dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies.vango).toBe(`file:${REPO}`);
    expect(pkg.scripts).toMatchObject({ dev: 'vango dev', test: 'vango test', build: 'vango build' });
    expect(existsSync(join(app.dir, 'node_modules', 'vango', 'package.json'))).toBe(true);
    expect(existsSync(join(app.dir, 'node_modules', '.bin', 'vango'))).toBe(true);
  });

  it("passes its own tests right after scaffolding", async () => {
    const r = await appTests(app.dir);
    expect(r.output).toMatch(/Tests\s+\d+ passed/);
    expect(r.output).not.toMatch(/failed/);
    expect(r.code, r.output).toBe(0);
  }, 120_000);

  it('type-checks with its tsconfig (Vango JSX, strict)', async () => {
    const r = await run([join(app.dir, 'node_modules', '.bin', 'tsc'), '-p', '.'], app.dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});
