// `npm run todo`: the README's main job. Scaffolds the todo template into ./my-todo with
// create-vango (dependencies installed against this checkout) unless it is already there, then
// serves it with `vango dev` (SQLite through node:sqlite, nothing else to start).
// Extra arguments go to `vango dev` (`npm run todo -- --port 4000`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from './paths.ts';

const app = fromRoot('my-todo');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(join(app, 'package.json'))) {
  run([fromRoot('bin', 'create-vango.js'), 'my-todo', '--template', 'todo', '--yes', '--no-git'], fromRoot());
} else {
  console.log(`my-todo exists: serving it (delete the folder to scaffold it again)`);
}
run([fromRoot('bin', 'vango.js'), 'dev', ...process.argv.slice(2)], app);
