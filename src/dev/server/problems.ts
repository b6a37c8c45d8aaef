/**
 * Errors as overlay problems: compile failures keep their esbuild location; runtime errors are placed
 * at the first stack frame inside the app's own files (stacks are source-mapped by the loader's inline
 * maps, so these are the user's TypeScript lines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFrame, type BuildFailure, type Diagnostic } from '../../toolchain/diagnostics.ts';
import type { DevProblem } from '../events.ts';

/**
 * A failed build as one problem: placed at its first diagnostic; the others are listed by location
 * in the message, so neither the overlay nor the terminal drops them.
 */
export function buildProblem(f: BuildFailure): DevProblem {
  const [first, ...rest] = f.diagnostics as [Diagnostic, ...Diagnostic[]];
  const more = rest.map((d) => (d.file ? `${d.file}:${d.line}:${d.column}: ${d.message}` : d.message));
  return { kind: 'build', ...first, message: more.length ? `${first.message}\n\n${more.length} more:\n${more.join('\n')}` : first.message };
}

const FRAME = /\(?((?:file:\/\/)?\/[^\s():]+|[A-Za-z]:\\[^\s():]+):(\d+):(\d+)\)?\s*$/;

/** The stack without the loader's version queries (`?v=3`). */
function cleanStack(stack: string): string {
  return stack.replace(/\?v=\d+/g, '');
}

/** A thrown value as a problem; `where` says what was running ("click handler", "render of <Counter>"). */
export function runtimeProblem(err: unknown, root: string, where?: string): DevProblem {
  const e = err instanceof Error ? err : new Error(String(err));
  const stack = cleanStack(e.stack ?? `${e.name}: ${e.message}`);
  const base = root.endsWith(sep) ? root : root + sep;
  for (const line of stack.split('\n').slice(1)) {
    const m = FRAME.exec(line.trim());
    if (!m) continue;
    const abs = m[1]!.startsWith('file:') ? fileURLToPath(m[1]!) : m[1]!;
    if (!abs.startsWith(base) || abs.includes(`${sep}node_modules${sep}`) || abs.includes(`${sep}.vango${sep}`)) continue;
    const ln = Number(m[2]);
    const col = Number(m[3]);
    const frame = existsSync(abs) ? codeFrame(readFileSync(abs, 'utf8'), ln, col) : '';
    return { kind: 'runtime', message: `${e.name}: ${e.message}`, file: relative(root, abs).split(sep).join('/'), absFile: abs, line: ln, column: col, frame, stack, ...(where ? { where } : {}) };
  }
  return { kind: 'runtime', message: `${e.name}: ${e.message}`, file: '', absFile: '', line: 0, column: 0, frame: '', stack, ...(where ? { where } : {}) };
}
