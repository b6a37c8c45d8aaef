/**
 * The plan: every file the new app gets, with its final name and content, computed in memory before
 * anything touches the disk (so --dry-run prints exactly what a real run would write).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Answers } from './answers.ts';
import { installCommand, runScript } from './package-manager.ts';

export interface PlannedFile {
  /** Path inside the new app, with `/` separators. */
  path: string;
  content: Uint8Array;
}

export interface Plan {
  answers: Answers;
  vango: string;
  files: PlannedFile[];
  /** What the user types next. */
  next: string[];
}

/**
 * Template files whose real names npm would drop or act on when packing the package: stored under
 * another name and renamed on the way out.
 */
export const RENAMES: Record<string, string> = { _gitignore: '.gitignore', _npmrc: '.npmrc' };

const TEXT = /\.(json|md|ts|tsx|js|mjs|css|html|txt|svg|yaml|yml)$|^_gitignore$|^_npmrc$/;

function walk(dir: string, root: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.vango') walk(full, root, out);
    } else if (e.isFile()) out.push(relative(root, full));
  }
  return out;
}

/** Replaces `{{key}}` placeholders; unknown ones are left as they are. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => values[k] ?? m);
}

/** `cwd`: where the user is, for the `cd` in the next steps. */
export function makePlan(answers: Answers, vango: string, cwd: string = process.cwd()): Plan {
  const { pm } = answers;
  const values: Record<string, string> = {
    name: answers.name,
    vango: vango.replace(/\\/g, '/'),
    install: installCommand(pm, vango.startsWith('file:')).join(' '),
    dev: runScript(pm, 'dev'),
    test: runScript(pm, 'test'),
    build: runScript(pm, 'build'),
    start: runScript(pm, 'start'),
  };
  const files = walk(answers.template.dir, answers.template.dir, [])
    .sort()
    .map((rel): PlannedFile => {
      const parts = rel.split(sep);
      const base = parts[parts.length - 1]!;
      parts[parts.length - 1] = RENAMES[base] ?? base;
      const raw = readFileSync(join(answers.template.dir, rel));
      const content = TEXT.test(base) ? new TextEncoder().encode(fill(raw.toString('utf8'), values)) : new Uint8Array(raw);
      return { path: parts.join('/'), content };
    });
  const cd = relative(cwd, answers.dir) || '.';
  const next = [...(cd === '.' ? [] : [`cd ${/\s/.test(cd) ? JSON.stringify(cd) : cd}`]), ...(answers.install ? [] : [values.install]), values.dev];
  return { answers, vango, files, next };
}

/** A human-readable account of the plan (for --dry-run). */
export function describePlan(plan: Plan): string {
  const a = plan.answers;
  const lines = [
    `Would create ${a.dir}${a.overwrite ? ' (replacing its files)' : ''}`,
    `  package   ${a.name}`,
    `  template  ${a.template.name}`,
    `  vango     ${plan.vango}`,
    `  files:`,
    ...plan.files.map((f) => `    ${f.path}`),
    `  then:`,
    ...(a.install ? [`    ${installCommand(a.pm, plan.vango.startsWith('file:')).join(' ')}`] : []),
    ...(a.git ? ['    git init && git add -A && git commit'] : []),
    ...(!a.install && !a.git ? ['    nothing'] : []),
    'Nothing was written (--dry-run).',
  ];
  return lines.join('\n');
}
