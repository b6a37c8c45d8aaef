// A throwaway copy of test/fixtures/routes-app with its routes generated. It lives in test/.tmp/
// (git-ignored) at the same depth as the fixture, so the fixture tsconfig's relative paths to src/ hold.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRoutes, type GenerateResult } from '../../../src/codegen/routes/generate.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'routes-app');

export interface FixtureCopy {
  dir: string;
  generated: GenerateResult;
  remove(): void;
}

export function copyFixture(): FixtureCopy {
  const base = join(repoRoot, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'routes-app-'));
  cpSync(fixtureDir, dir, { recursive: true, filter: (src) => !src.includes(`${join('app', '.vango')}`) });
  const generated = generateRoutes(dir);
  return { dir, generated, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** esbuild's resolution of `vango/*` for the bundled app: the repo's src files, left external. */
export const vangoSources: Record<string, string> = {
  vango: 'src/runtime/index.ts',
  'vango/router': 'src/runtime/router/index.ts',
  'vango/jsx-runtime': 'src/runtime/vdom/jsx-runtime.ts',
  'vango/jsx-dev-runtime': 'src/runtime/vdom/jsx-dev-runtime.ts',
};
