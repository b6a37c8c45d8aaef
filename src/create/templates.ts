/** The app templates shipped in the package's `templates/` folder. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './vango-dep.ts';

/** Short descriptions shown in the template prompt; a folder without one is still listed. */
const DESCRIPTIONS: Record<string, string> = {
  minimal: 'one page with a counter and a test',
  todo: 'a todo list: layout, validated form, keyed list, SQLite persistence',
  realtime: 'shared state and presence: every browser sees changes live',
};

/** Preferred order first, then any other template folder alphabetically. */
const ORDER = ['minimal', 'todo', 'realtime'];

export interface TemplateInfo {
  name: string;
  description: string;
  dir: string;
}

export function templatesDir(root = packageRoot()): string {
  return join(root, 'templates');
}

/** Every template folder (one with a package.json). */
export function listTemplates(root = packageRoot()): TemplateInfo[] {
  const dir = templatesDir(root);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'package.json')))
    .map((e) => e.name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => ({ name, description: DESCRIPTIONS[name] ?? '', dir: join(dir, name) }));
}

function rank(name: string): number {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
}

export const DEFAULT_TEMPLATE = 'minimal';
