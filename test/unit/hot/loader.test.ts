/**
 * The dev loader runs in a real Node process (module hooks are per process): a changed module and its
 * importers are evaluated again, everything else keeps its instance, and modules register their
 * components.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const base = join(REPO, 'test', '.tmp');
mkdirSync(base, { recursive: true });
const root = mkdtempSync(join(base, 'loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(p: string, text: string) {
  mkdirSync(join(root, p, '..'), { recursive: true });
  writeFileSync(join(root, p), text);
}

describe('dev loader', () => {
  it('re-evaluates only changed modules and their importers, with source maps and registration', () => {
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(REPO, join(root, 'node_modules', 'vango'), 'dir');
    write('package.json', '{"type":"module"}');
    write('app/db.ts', 'export const handle = { opened: Date.now() };\n(globalThis as any).dbOpens = ((globalThis as any).dbOpens ?? 0) + 1;\n');
    write('app/label.ts', 'export const label: string = "one";\n');
    write('app/page.tsx', "import { handle } from './db.ts';\nimport { label } from './label.ts';\nfunction Helper() { return <i />; }\nexport default function Page() { return <p>{label}</p>; }\nexport const db = handle;\nexport function boom() {\n  throw new Error('mapped');\n}\n");
    write(
      'run.ts',
      `import { installDevLoader } from ${JSON.stringify(join(REPO, 'src/dev/server/loader.ts'))};
const seen: Record<string, string[]> = {};
(globalThis as any).__VANGO_HOT__ = { register: (f: string, v: Record<string, unknown>) => { seen[f] = Object.keys(v); } };
process.setSourceMapsEnabled(true);
const l = installDevLoader(${JSON.stringify(root)});
const page = ${JSON.stringify(join(root, 'app/page.tsx'))};
const a = await import(page);
const labelFile = ${JSON.stringify(join(root, 'app/label.ts'))};
const { writeFileSync } = await import('node:fs');
writeFileSync(labelFile, 'export const label: string = "two";\\n');
const bumped = [...l.invalidate([labelFile])].map((f) => f.slice(${JSON.stringify(root)}.length + 1)).sort();
const b = await import(page);
let line = 0;
try { b.boom(); } catch (e) { line = Number(/page\\.tsx:(\\d+)/.exec((e as Error).stack ?? '')?.[1]); }
console.log(JSON.stringify({
  sameModule: a === b, sameDb: a.db === b.db, dbOpens: (globalThis as any).dbOpens, bumped, seen, line,
}));
`,
    );
    const out = execFileSync(process.execPath, [join(root, 'run.ts')], { cwd: root, encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(r.sameModule).toBe(false);
    expect(r.sameDb).toBe(true);
    expect(r.dbOpens).toBe(1);
    expect(r.bumped).toEqual(['app/label.ts', 'app/page.tsx', 'run.ts']);
    expect(r.seen['app/page.tsx']).toEqual(expect.arrayContaining(['local:Helper', 'local:Page', 'default', 'boom']));
    expect(r.line).toBe(7);
  });
});
