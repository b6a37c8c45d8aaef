/**
 * Type-level tests of the JSX types, run through the compiler: test/fixtures/jsx-types/good.tsx must
 * compile, and every line of bad.tsx marked `@ts-expect-error TSnnnn` must fail with that error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('../../fixtures/jsx-types/', import.meta.url));
const tsconfig = `${fixture}tsconfig.json`;
const badFile = `${fixture}bad.tsx`;

/** `@ts-expect-error TS2322 reason` directives of bad.tsx: the 1-based line they guard and the code. */
function directives(text: string): { line: number; code: number; reason: string }[] {
  const out: { line: number; code: number; reason: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*\/\/ @ts-expect-error(?: TS(\d+) (.*))?$/.exec(l);
    if (m) out.push({ line: i + 2, code: m[1] ? Number(m[1]) : NaN, reason: m[2] ?? '' });
  });
  return out;
}

function format(diags: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diags, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' });
}

describe('JSX types', () => {
  it('type-check: good.tsx compiles and every @ts-expect-error in bad.tsx is a real error (tsc -p)', () => {
    const r = spawnSync(`${root}node_modules/.bin/tsc`, ['-p', tsconfig], { cwd: root, encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    // On failure the compiler output says which line broke (an unused directive is TS2578).
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('bad.tsx fails for the reason each directive names, and nowhere else', () => {
    const text = readFileSync(badFile, 'utf8');
    const expected = directives(text);
    expect(expected.length).toBeGreaterThan(30);
    for (const d of expected) expect(d.code, `directive before line ${d.line} names no TS code`).not.toBeNaN();

    // Same program, directives disarmed (line numbers kept): the errors they were hiding become visible.
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(tsconfig, ts.sys.readFile).config, ts.sys, fixture);
    expect(parsed.errors).toEqual([]);
    const disarmed = text.replaceAll('// @ts-expect-error', '// (expected error)');
    const host = ts.createCompilerHost(parsed.options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, onError, create) =>
      name === badFile ? ts.createSourceFile(name, disarmed, lang, true) : getSourceFile(name, lang, onError, create);
    const program = ts.createProgram({ rootNames: [badFile], options: parsed.options, host });
    const diags = ts.getPreEmitDiagnostics(program);

    const elsewhere = diags.filter((d) => d.file?.fileName !== badFile);
    expect(format(elsewhere)).toBe('');

    const byLine = new Map<number, Set<number>>();
    for (const d of diags) {
      const line = d.file!.getLineAndCharacterOfPosition(d.start!).line + 1;
      if (!byLine.has(line)) byLine.set(line, new Set());
      byLine.get(line)!.add(d.code);
    }
    const missing = expected.filter((d) => !byLine.get(d.line)?.has(d.code)).map((d) => `line ${d.line}: TS${d.code} (${d.reason}); got ${[...(byLine.get(d.line) ?? [])].map((c) => `TS${c}`).join(', ') || 'nothing'}`);
    expect(missing).toEqual([]);
    const guarded = new Set(expected.map((d) => d.line));
    const stray = diags.filter((d) => !guarded.has(d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
    expect(format(stray)).toBe('');
  });
});
