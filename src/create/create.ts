/**
 * `create-vango` / `vango create`: answers → plan → write (atomically) → install → git → next steps.
 */
import { Cancelled, CreateError, canPrompt, resolveAnswers, type CreateFlags } from './answers.ts';
import { initGit } from './git.ts';
import { installCommand, quickInstallFlags } from './package-manager.ts';
import { describePlan, makePlan } from './plan.ts';
import { runCaptured } from './run.ts';
import { startStep } from './spinner.ts';
import { listTemplates } from './templates.ts';
import { packageRoot, vangoDependency } from './vango-dep.ts';
import { abandonWrite, writePlan } from './write.ts';

export { CreateError, Cancelled, type CreateFlags };

export interface CreateIO {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Overrides terminal detection (tests). */
  interactive?: boolean;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Scaffold an app; resolves to the exit code (0, 1 for a failure, 130 when cancelled). */
export async function create(nameArg: string | undefined, flags: CreateFlags, io: CreateIO = {}): Promise<number> {
  const env = io.env ?? process.env;
  const out = io.out ?? ((t: string) => void process.stdout.write(t));
  const err = io.err ?? ((t: string) => void process.stderr.write(t));
  const root = packageRoot();
  const cwd = io.cwd ?? process.cwd();
  let answers;
  try {
    answers = await resolveAnswers(nameArg, flags, {
      cwd,
      env,
      interactive: io.interactive ?? canPrompt(env),
      templates: listTemplates(root),
    });
  } catch (e) {
    if (e instanceof Cancelled) {
      err('create-vango: cancelled, nothing was written\n');
      return 130;
    }
    if (e instanceof CreateError) {
      err(`create-vango: ${e.message}\n`);
      return 1;
    }
    throw e;
  }

  const plan = makePlan(answers, vangoDependency(root), cwd);
  if (answers.dryRun) {
    out(`${describePlan(plan)}\n`);
    return 0;
  }

  const onSignal = (): void => {
    abandonWrite();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    writePlan(plan);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  out(`Created ${answers.name} from the ${answers.template.name} template in ${answers.dir}\n`);

  if (answers.install) {
    const cmd = [...installCommand(answers.pm, plan.vango.startsWith('file:')), ...quickInstallFlags(answers.pm)];
    const step = startStep(`Installing dependencies (${cmd.join(' ')})`);
    const r = await runCaptured(cmd, answers.dir);
    step.stop(r.code === 0);
    if (r.code !== 0) {
      err(`${r.output.trimEnd()}\ncreate-vango: '${cmd.join(' ')}' failed (exit ${r.code}). The app is written; fix the problem and run it again in ${answers.dir}.\n`);
      return 1;
    }
  }
  if (answers.git) {
    const step = startStep('Initialising git');
    const outcome = await initGit(answers.dir);
    const note = { committed: '', initialised: '(no commit: set git user.name and user.email)', 'inside-repo': '(skipped: already inside a git repository)', 'no-git': '(skipped: git is not available)' }[outcome];
    step.stop(outcome === 'committed' || outcome === 'initialised' || outcome === 'inside-repo', note);
  }
  out(`\nNext:\n${plan.next.map((l) => `  ${l}`).join('\n')}\n`);
  return 0;
}
