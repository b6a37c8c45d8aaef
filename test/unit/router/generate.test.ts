import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, generateRoutes } from '../../../src/codegen/routes/generate.ts';
import { main } from '../../../src/commands/cli.ts';
import { runGen, runGenRoutes } from '../../../src/commands/gen.ts';
import { appTree } from './helpers.ts';

const FILES = ['index.tsx', 'about.tsx', '_layout.tsx', 'projects/_layout.tsx', 'projects/[id].tsx', 'projects/_middleware.ts', '_404.tsx', 'docs/[...slug].tsx'];
const outOf = (root: string) => join(root, 'app', '.vango', 'routes.gen.ts');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('generateRoutes', () => {
  it('writes app/.vango/routes.gen.ts with the header, relative imports with extensions, the table and the helpers', () => {
    const root = appTree(FILES);
    const r = generateRoutes(root);
    expect(r.file).toBe(outOf(root));
    expect(r.changed).toBe(true);
    const code = readFileSync(r.file, 'utf8');
    expect(code.split('\n')[0]).toBe(GENERATED_HEADER);
    expect(code).toContain("import * as m0 from '../routes/_404.tsx';");
    expect(code).toContain("from '../routes/projects/_middleware.ts';");
    expect(code).toContain("import { buildHref } from 'vango/router';");
    expect(code).toContain('export const routeTable: RouteTable = {');
    expect(code).toContain("  '/projects/:id': RouteParamsOf<typeof m");
    expect(code).toContain("  '/docs/:slug+': RouteParamsOf<typeof m");
    expect(code).toContain('export function href<P extends RoutePattern>(pattern: P, ...args: ParamsArg<P>): string {');
    expect(code).toContain('export type RouteProps<P extends RoutePattern');
    expect(code).not.toContain(root); // no absolute path: the output does not depend on where the app lives
  });

  it('is idempotent: the same tree gives byte-identical output, and the file is not rewritten', () => {
    const root = appTree(FILES);
    const first = generateRoutes(root);
    const past = new Date(Date.now() - 60_000);
    utimesSync(first.file, past, past);
    const again = generateRoutes(root);
    expect(again.changed).toBe(false);
    expect(again.code).toBe(first.code);
    expect(statSync(first.file).mtimeMs).toBe(past.getTime());
  });

  it('does not depend on the order files were created in, or on where the app is', () => {
    const a = generateRoutes(appTree(FILES)).code;
    const b = generateRoutes(appTree([...FILES].reverse())).code;
    expect(b).toBe(a);
  });

  it('is incremental: a changed tree rewrites the file, an unrelated file does not', () => {
    const root = appTree(FILES);
    generateRoutes(root);
    writeFileSync(join(root, 'app', 'routes', 'notes.md'), 'not a route');
    writeFileSync(join(root, 'app', 'routes', 'about.test.tsx'), 'ignored');
    expect(generateRoutes(root).changed).toBe(false);
    writeFileSync(join(root, 'app', 'routes', 'pricing.tsx'), 'export default () => null;');
    const added = generateRoutes(root);
    expect(added.changed).toBe(true);
    expect(added.code).toContain("'/pricing'");
    rmSync(join(root, 'app', 'routes', 'pricing.tsx'));
    expect(generateRoutes(root).changed).toBe(true);
    expect(generateRoutes(root).changed).toBe(false);
  });

  it('a hand-edited generated file is put back', () => {
    const root = appTree(FILES);
    const { code } = generateRoutes(root);
    writeFileSync(outOf(root), `${code}// edited\n`);
    expect(generateRoutes(root).changed).toBe(true);
    expect(readFileSync(outOf(root), 'utf8')).toBe(code);
  });

  it('an invalid tree writes nothing', () => {
    const root = appTree(['index.tsx', '[id.tsx']);
    expect(() => generateRoutes(root)).toThrow(/unclosed-bracket/);
    expect(() => statSync(outOf(root))).toThrow();
  });

  it('quotes odd but valid file names safely', () => {
    const root = appTree(["it's.tsx", 'index.tsx']);
    const { code } = generateRoutes(root);
    expect(code).toContain("from '../routes/it\\'s.tsx';");
    expect(code).toContain("'/it\\'s': {};");
  });
});

describe('vango gen routes', () => {
  it('prints what it wrote, then (unchanged) on a second run', () => {
    const root = appTree(FILES);
    const a = capture();
    expect(runGenRoutes({ cwd: root }, a.io)).toBe(0);
    expect(a.out).toEqual(['app/.vango/routes.gen.ts: 4 routes, 2 layouts, 1 middleware, 0 error pages, 1 not-found page (written)']);
    const b = capture();
    expect(runGenRoutes({ cwd: root }, b.io)).toBe(0);
    expect(b.out).toEqual(['app/.vango/routes.gen.ts: 4 routes, 2 layouts, 1 middleware, 0 error pages, 1 not-found page (unchanged)']);
    expect(b.err).toEqual([]);
  });

  it('prints every problem with its file and rule and exits 1', () => {
    const root = appTree(['index.tsx', '[id.tsx', 'a.tsx', 'a/index.tsx']);
    const c = capture();
    expect(runGenRoutes({ cwd: root }, c.io)).toBe(1);
    expect(c.err[0]).toMatch(/^app\/routes\/\[id\.tsx: .* \[unclosed-bracket\]$/);
    expect(c.err[1]).toMatch(/^app\/routes\/a\/index\.tsx: resolves to the same URL pattern as a\.tsx .* \[duplicate-route\]$/);
    expect(c.err[2]).toBe('vango gen routes: 2 problems, nothing written');
    expect(c.out).toEqual([]);
  });

  it('fails cleanly without an app/routes folder', () => {
    const c = capture();
    expect(runGenRoutes({ cwd: join(appTree([]), 'app', 'routes') }, c.io)).toBe(1);
    expect(c.err[0]).toMatch(/^app\/routes: no routes folder at .* \[no-routes-dir\]$/);
  });

  it('is wired into the CLI with --cwd', async () => {
    const root = appTree(FILES);
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (writes.push(String(s)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(['node', 'vango', 'gen', 'routes', '--cwd', root]);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    expect(writes.join('')).toBe('app/.vango/routes.gen.ts: 4 routes, 2 layouts, 1 middleware, 0 error pages, 1 not-found page (written)\n');
    expect(readFileSync(outOf(root), 'utf8').startsWith(GENERATED_HEADER)).toBe(true);
  });

  it('gen islands is not implemented yet', async () => {
    const writes: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (writes.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await runGen('islands')).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(writes.join('')).toContain('not implemented yet');
  });
});
