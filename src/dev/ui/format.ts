/** Wording shared by the dashboard and the plain log, so both read the same. */
import type { DevEvent, DevProblem } from '../events.ts';
import { componentTag } from '../client/names.ts';

type Update = Extract<DevEvent, { type: 'update' }>;

const UPDATE_LABEL: Record<Update['what'], string> = {
  hot: 'hot update',
  css: 'css update',
  routes: 'routes update',
  full: 'full reload',
};

export function updateLabel(what: Update['what']): string {
  return UPDATE_LABEL[what] ?? `${what} update`;
}

/** At most `max` files by name, then a count, so one save touching 40 files stays one line. */
export function fileList(files: readonly string[], max = 3): string {
  if (files.length === 0) return '(no files)';
  if (files.length <= max) return files.join(', ');
  return `${files.slice(0, max).join(', ')} +${files.length - max} more`;
}

export { componentTag } from '../client/names.ts';

/** "app/x.tsx:3:7", or '' when the server could not place the problem. */
export function location(p: Pick<DevProblem, 'file' | 'line' | 'column'>): string {
  if (!p.file) return '';
  if (!(p.line > 0)) return p.file;
  return p.column > 0 ? `${p.file}:${p.line}:${p.column}` : `${p.file}:${p.line}`;
}

export function problemTitle(p: DevProblem): string {
  return p.kind === 'build' ? 'Build error' : 'Runtime error';
}

export function resetLine(e: Extract<DevEvent, { type: 'reset' }>): string {
  return `reset ${componentTag(e.component)} (${e.file}): ${e.reason}`;
}

export function warnLine(e: Extract<DevEvent, { type: 'warn' }>): string {
  return e.component ? `warning: ${componentTag(e.component)}: ${e.message}` : `warning: ${e.message}`;
}

export function sessionsLine(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'} open`;
}
