/**
 * Compile errors in one shape for the terminal, the dev overlay and `vango build`: message, file,
 * line:column and a code frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type * as esbuild from 'esbuild';

export interface Diagnostic {
  message: string;
  /** Path relative to the app root ('' when the error has no location). */
  file: string;
  /** Absolute path (for "open in editor"). */
  absFile: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** A few lines around the error with a caret under the column. */
  frame: string;
}

/** A build that failed: one or more diagnostics. */
export class BuildFailure extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n\n'));
    this.name = 'BuildFailure';
    this.diagnostics = diagnostics;
  }
}

/** Lines `line-2 … line+2` of `source` with numbers and a caret at `column`. */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/);
  const from = Math.max(1, line - context);
  const to = Math.min(lines.length, line + context);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = lines[n - 1] ?? '';
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ')}^`);
  }
  return out.join('\n');
}

/** `file:line:col: message` and the frame. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
  return `${where}${d.message}${d.frame ? `\n${d.frame}` : ''}`;
}

/** One esbuild message as a diagnostic (paths in esbuild messages are relative to its working dir). */
export function fromEsbuildMessage(m: esbuild.Message, root: string): Diagnostic {
  const loc = m.location;
  if (!loc) return { message: m.text, file: '', absFile: '', line: 0, column: 0, frame: '' };
  const abs = isAbsolute(loc.file) ? loc.file : resolve(root, loc.file);
  const source = existsSync(abs) ? readFileSync(abs, 'utf8') : loc.lineText;
  const line = existsSync(abs) ? loc.line : 1;
  return {
    message: m.text,
    file: relative(root, abs).split('\\').join('/'),
    absFile: abs,
    line: loc.line,
    column: loc.column + 1,
    frame: codeFrame(source, line, loc.column + 1),
  };
}

/** An esbuild failure as a BuildFailure; undefined for anything else. */
export function toBuildFailure(err: unknown, root: string): BuildFailure | undefined {
  const errors = (err as { errors?: esbuild.Message[] } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return new BuildFailure(errors.map((m) => fromEsbuildMessage(m, root)));
}
