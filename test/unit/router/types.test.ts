/**
 * Type-level tests of the generated helpers, through the compiler: a temp copy of the fixture app with
 * its routes.gen.ts must compile with .typecheck/good.tsx, and every line of .typecheck/bad.ts marked
 * `@ts-expect-error TSnnnn` must fail with that error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, repoRoot, type FixtureCopy } from './fixture-copy.ts';

let copy: FixtureCopy;
beforeAll(() => {
  copy = copyFixture();
});
afterAll(() => copy?.remove());

function directives(text: string): { line: number; code: number; reason: string }[] {
  const out: { line: number; code: number; reason: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*\/\/ @ts-expect-error(?: TS(\d+) (.*))?$/.exec(l);
    if (m) out.push({ line: i + 2, code: m[1] ? Number(m[1]) : NaN, reason: m[2] ?? '' });
  });
  return out;
}

const format = (diags: readonly ts.Diagnostic[]) =>
  ts.formatDiagnostics(diags, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => repoRoot, getNewLine: () => '\n' });

describe('generated route types', () => {
  it('tsc -p over the app, routes.gen.ts, good.tsx and bad.ts passes (every expected error is real)', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(copy.dir, 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('bad.ts fails for the reason each directive names, and nowhere else', () => {
    const badFile = join(copy.dir, '.typecheck', 'bad.ts');
    const text = readFileSync(badFile, 'utf8');
    const expected = directives(text);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    for (const d of expected) expect(d.code, `directive before line ${d.line} names no TS code`).not.toBeNaN();

    const tsconfig = join(copy.dir, 'tsconfig.json');
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(tsconfig, ts.sys.readFile).config, ts.sys, copy.dir);
    expect(parsed.errors).toEqual([]);
    const disarmed = text.replaceAll('// @ts-expect-error', '// (expected error)');
    const host = ts.createCompilerHost(parsed.options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, onError, create) => (name === badFile ? ts.createSourceFile(name, disarmed, lang, true) : getSourceFile(name, lang, onError, create));
    const program = ts.createProgram({ rootNames: [badFile], options: parsed.options, host });
    const diags = ts.getPreEmitDiagnostics(program);

    expect(format(diags.filter((d) => d.file?.fileName !== badFile))).toBe('');
    const byLine = new Map<number, Set<number>>();
    for (const d of diags) {
      const line = d.file!.getLineAndCharacterOfPosition(d.start!).line + 1;
      if (!byLine.has(line)) byLine.set(line, new Set());
      byLine.get(line)!.add(d.code);
    }
    const missing = expected.filter((d) => !byLine.get(d.line)?.has(d.code)).map((d) => `line ${d.line}: TS${d.code} (${d.reason}); got ${[...(byLine.get(d.line) ?? [])].map((c) => `TS${c}`).join(', ') || 'nothing'}`);
    expect(missing).toEqual([]);
    const guarded = new Set(expected.map((d) => d.line));
    expect(format(diags.filter((d) => !guarded.has(d.file!.getLineAndCharacterOfPosition(d.start!).line + 1)))).toBe('');
  }, 60_000);
});
