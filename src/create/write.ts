/**
 * Writes a plan to disk so that an interruption or a failure never leaves a half-written app: the
 * files go to a hidden temporary sibling of the target, which is renamed into place at the end.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Plan } from './plan.ts';

let pending: string | undefined;

/** Removes the temporary folder of a write in progress (for a signal handler). */
export function abandonWrite(): void {
  if (pending) rmSync(pending, { recursive: true, force: true });
  pending = undefined;
}

/**
 * Write every planned file. A missing target is created by one rename; an existing (empty, or
 * --overwrite) target is emptied (its `.git` is kept) and the new entries are moved in.
 */
export function writePlan(plan: Plan): void {
  const target = plan.answers.dir;
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.vango-tmp-${process.pid}-${Date.now().toString(36)}`);
  pending = tmp;
  try {
    for (const f of plan.files) {
      const out = join(tmp, ...f.path.split('/'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, f.content);
    }
    if (!existsSync(target)) {
      renameSync(tmp, target);
    } else {
      for (const e of readdirSync(target)) if (e !== '.git') rmSync(join(target, e), { recursive: true, force: true });
      for (const e of readdirSync(tmp)) renameSync(join(tmp, e), join(target, e));
      rmSync(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    pending = undefined;
  }
}
