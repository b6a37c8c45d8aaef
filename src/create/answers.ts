/**
 * Turns the command line into complete answers: flags first, then prompts on a terminal, then
 * defaults. Without a terminal (or with CI set) nothing is ever asked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { nameProblem } from './names.ts';
import { PACKAGE_MANAGERS, detectPackageManager, isPackageManager, type PackageManager } from './package-manager.ts';
import { DEFAULT_TEMPLATE, type TemplateInfo } from './templates.ts';

/** The command-line options of `create-vango` / `vango create`. */
export interface CreateFlags {
  template?: string;
  pm?: string;
  install?: boolean;
  git?: boolean;
  yes?: boolean;
  overwrite?: boolean;
  dryRun?: boolean;
}

export interface Answers {
  /** Absolute target folder. */
  dir: string;
  /** Package (and folder) name. */
  name: string;
  template: TemplateInfo;
  pm: PackageManager;
  install: boolean;
  git: boolean;
  overwrite: boolean;
  dryRun: boolean;
}

/** A usage error: the message says which flag or argument fixes it. */
export class CreateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CreateError';
  }
}

/** The user cancelled a prompt (Ctrl-C / Esc). */
export class Cancelled extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'Cancelled';
  }
}

export const DEFAULT_NAME = 'vango-app';

export interface Context {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Prompts are allowed (stdin and stdout are terminals and CI is not set). */
  interactive: boolean;
  templates: TemplateInfo[];
}

/** Whether this process may ask questions. */
export function canPrompt(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return !ci && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** True when `dir` is missing or empty (a lone `.git` counts as empty). */
export function isEmptyDir(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return readdirSync(dir).every((e) => e === '.git');
}

function gitAvailable(): boolean {
  try {
    return spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

function templateByName(templates: TemplateInfo[], name: string): TemplateInfo {
  const t = templates.find((x) => x.name === name);
  if (!t) throw new CreateError(`unknown template '${name}'. Valid templates: ${templates.map((x) => x.name).join(', ')} (--template <name>)`);
  return t;
}

function targetProblem(dir: string, overwrite: boolean): string | undefined {
  if (overwrite || isEmptyDir(dir)) return undefined;
  return `the folder ${dir} is not empty; choose another name, or pass --overwrite to replace its files`;
}

function checkName(arg: string, cwd: string, overwrite: boolean): { dir: string; name: string } {
  const dir = resolve(cwd, arg);
  const name = basename(dir);
  const problem = nameProblem(name);
  if (problem) throw new CreateError(`invalid project name '${name}': ${problem}`);
  const t = targetProblem(dir, overwrite);
  if (t) throw new CreateError(t);
  return { dir, name };
}

/** Resolve every answer; prompts only when `ctx.interactive` and neither the flag nor --yes gave one. */
export async function resolveAnswers(nameArg: string | undefined, flags: CreateFlags, ctx: Context): Promise<Answers> {
  const overwrite = flags.overwrite === true;
  const ask = ctx.interactive && flags.yes !== true;
  if (ctx.templates.length === 0) throw new CreateError('no templates found (the package is incomplete)');
  // Flags are checked before any question, so a typo fails at once.
  const flagTemplate = flags.template !== undefined ? templateByName(ctx.templates, flags.template) : undefined;
  if (flags.pm !== undefined && !isPackageManager(flags.pm)) {
    throw new CreateError(`unknown package manager '${flags.pm}'. Valid: ${PACKAGE_MANAGERS.join(', ')} (--pm <name>)`);
  }
  const flagTarget = nameArg !== undefined ? checkName(nameArg, ctx.cwd, overwrite) : undefined;
  const detected = detectPackageManager(ctx.env);

  if (!ask) {
    if (!flagTarget && flags.yes !== true) {
      throw new CreateError(
        `no project name given, and there is no terminal to ask in: pass it as the argument (create-vango my-app), or --yes to use '${DEFAULT_NAME}'`,
      );
    }
    const target = flagTarget ?? checkName(DEFAULT_NAME, ctx.cwd, overwrite);
    return {
      ...target,
      template: flagTemplate ?? templateByName(ctx.templates, DEFAULT_TEMPLATE),
      pm: (flags.pm as PackageManager | undefined) ?? detected,
      install: flags.install ?? true,
      git: flags.git ?? gitAvailable(),
      overwrite,
      dryRun: flags.dryRun === true,
    };
  }

  // Loaded only when asking, so every other `vango` command starts without it.
  const { default: prompts } = await import('prompts');
  const onCancel = (): never => {
    throw new Cancelled('cancelled');
  };
  const r = await prompts(
    [
      {
        type: flagTarget ? null : 'text',
        name: 'name',
        message: 'Project name (folder and package name)',
        initial: DEFAULT_NAME,
        validate: (v: string) => {
          const dir = resolve(ctx.cwd, v.trim());
          return nameProblem(basename(dir)) ?? targetProblem(dir, overwrite) ?? true;
        },
      },
      {
        type: flagTemplate ? null : 'select',
        name: 'template',
        message: 'Template',
        choices: ctx.templates.map((t) => ({ title: t.name, description: t.description, value: t.name })),
        initial: Math.max(0, ctx.templates.findIndex((t) => t.name === DEFAULT_TEMPLATE)),
      },
      {
        type: flags.pm !== undefined ? null : 'select',
        name: 'pm',
        message: 'Package manager',
        choices: PACKAGE_MANAGERS.map((p) => ({ title: p, value: p })),
        initial: PACKAGE_MANAGERS.indexOf(detected),
      },
      { type: flags.install !== undefined ? null : 'confirm', name: 'install', message: 'Install dependencies now?', initial: true },
      { type: flags.git !== undefined ? null : 'confirm', name: 'git', message: 'Initialise a git repository?', initial: true },
    ],
    { onCancel },
  );
  return {
    ...(flagTarget ?? checkName(String(r.name).trim(), ctx.cwd, overwrite)),
    template: flagTemplate ?? templateByName(ctx.templates, r.template as string),
    pm: (flags.pm as PackageManager | undefined) ?? (r.pm as PackageManager),
    install: flags.install ?? (r.install as boolean),
    git: flags.git ?? (r.git as boolean),
    overwrite,
    dryRun: flags.dryRun === true,
  };
}
