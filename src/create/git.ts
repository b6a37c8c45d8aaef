/** `git init` for the new app, with a first commit when git knows who the user is. */
import { runCaptured } from './run.ts';

export type GitOutcome = 'committed' | 'initialised' | 'inside-repo' | 'no-git';

export async function initGit(dir: string): Promise<GitOutcome> {
  const inside = await runCaptured(['git', 'rev-parse', '--is-inside-work-tree'], dir);
  if (inside.code === 127) return 'no-git';
  // An app created inside an existing repository belongs to it (a monorepo): no nested repository.
  if (inside.code === 0 && inside.output.trim() === 'true') return 'inside-repo';
  if ((await runCaptured(['git', 'init', '-q'], dir)).code !== 0) return 'no-git';
  if ((await runCaptured(['git', 'add', '-A'], dir)).code !== 0) return 'initialised';
  const commit = await runCaptured(['git', 'commit', '-q', '-m', 'Initial commit from create-vango'], dir);
  return commit.code === 0 ? 'committed' : 'initialised';
}
