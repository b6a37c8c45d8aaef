/**
 * `vango test` on a copy of test/fixtures/build-app: vitest with Vango's preset (TSX, tsconfig aliases,
 * the generated routes for visit()), arguments passed through, vitest's exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyApp, copyTemplate, ensureBuiltForApps, type AppCopy } from './app-copy.ts';
import { repoRoot } from './spawn-cli.ts';

let app: AppCopy;

function vangoTest(args: string[], timeout = 90_000, cwd?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  // The outer vitest's own variables must not leak into the inner run.
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'TEST' || k === 'NODE_ENV') delete env[k];
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'vango.js'), 'test', ...args], { cwd: cwd ?? app.dir, env, encoding: 'utf8', timeout });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout + r.stderr };
}

beforeAll(() => {
  ensureBuiltForApps();
  app = copyApp();
  // An alias from the app's tsconfig, and a vitest.config.ts of the app that must be merged in.
  writeFileSync(join(app.dir, 'tests', 'alias.spec.tsx'), [
    "import { expect, it } from 'vitest';",
    "import { mount } from 'vango/test';",
    "import { Counter } from '~/components/Counter.tsx';",
    "it('imports through the tsconfig alias and sees the app config', async () => {",
    '  const view = mount(<Counter start={1} />);',
    "  await view.click('+');",
    "  expect(view.signal('count')).toBe(2);",
    "  expect(process.env.FROM_APP_CONFIG).toBe('yes');",
    '});',
    '',
  ].join('\n'));
  writeFileSync(join(app.dir, 'vitest.config.ts'), "export default { test: { env: { FROM_APP_CONFIG: 'yes' } } };\n");
}, 240_000);

afterAll(() => app?.remove());

describe('vango test', () => {
  it('runs the app tests (components, pages through visit(), aliases) and exits 0', () => {
    const r = vangoTest([]);
    expect(r.out).toMatch(/Tests\s+3 passed \(3\)/);
    expect(r.out).not.toContain('e2e'); // browser specs only with --browser
    expect(r.code).toBe(0);
    expect(existsSync(join(app.dir, 'app/.vango/routes.gen.ts'))).toBe(true);
  });

  it('--help explains the command, then shows the vitest options it passes through', () => {
    const r = vangoTest(['--help']);
    expect(r.out).toContain('Usage: vango test [--browser]');
    expect(r.out.indexOf('Usage: vango test')).toBeLessThan(r.out.indexOf('vitest'));
    expect(r.out).toMatch(/--reporter/);
    expect(r.code).toBe(0);
  });

  it('passes filters through to vitest', () => {
    const r = vangoTest(['Counter']);
    expect(r.out).toContain('Counter.spec.tsx');
    expect(r.out).not.toContain('pages.spec.tsx');
    expect(r.out).toMatch(/Tests\s+1 passed \(1\)/);
    expect(r.code).toBe(0);
  });

  it('passes reporter flags through: JUnit XML for CI', () => {
    const r = vangoTest(['--reporter=junit', '--outputFile=reports/junit.xml']);
    expect(r.code).toBe(0);
    const xml = readFileSync(join(app.dir, 'reports/junit.xml'), 'utf8');
    expect(xml).toMatch(/<testsuites [^>]*tests="3"[^>]*failures="0"/);
    expect(xml).toContain('counts clicks');
  });

  it("exits with vitest's code when a test fails", () => {
    const failing = join(app.dir, 'tests', 'failing.spec.ts');
    writeFileSync(failing, "import { expect, it } from 'vitest';\nit('fails on purpose', () => { expect(1 + 1).toBe(3); });\n");
    try {
      const r = vangoTest(['failing']);
      expect(r.out).toContain('fails on purpose');
      expect(r.out).toMatch(/expected 2 to be 3/);
      expect(r.code).toBe(1);
    } finally {
      writeFileSync(failing, "import { it } from 'vitest';\nit.skip('was failing', () => {});\n");
    }
  });

  it('--browser also runs the *.e2e.* specs in Chromium', () => {
    const r = vangoTest(['--browser', 'e2e'], 150_000);
    expect(r.out).toContain('counter.e2e.spec.ts');
    expect(r.out).toMatch(/Tests\s+1 passed \(1\)/);
    expect(r.code).toBe(0);
  }, 160_000);
});

// Templates are written alongside; every one with tests must pass through `vango test` as a user runs it.
const templatesDir = join(repoRoot, 'templates');
const templates = existsSync(templatesDir) ? readdirSync(templatesDir).filter((t) => existsSync(join(templatesDir, t, 'package.json')) && existsSync(join(templatesDir, t, 'tests'))) : [];

describe.runIf(templates.length > 0)('the templates\' tests through vango test', () => {
  it.each(templates)('%s', (name) => {
    const copy = copyTemplate(name);
    try {
      const r = vangoTest([], 90_000, copy.dir);
      expect(r.out).toMatch(/Tests\s+\d+ passed/);
      expect(r.out).not.toMatch(/failed/);
      expect(r.code).toBe(0);
    } finally {
      copy.remove();
    }
  }, 100_000);
});
