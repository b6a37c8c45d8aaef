import { relative, resolve } from 'node:path';
import { Argument } from 'commander';
import type { Command } from 'commander';
import { generateRoutes, summarize } from '../codegen/routes/index.ts';
import { RouteError } from '../runtime/router/errors.ts';
import { notImplemented } from './not-implemented.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** What `vango gen` can generate. */
export const GEN_TARGETS = ['routes', 'islands'] as const;
export type GenTarget = (typeof GEN_TARGETS)[number];

export interface GenOptions {
  /** The app's root folder (default: the current directory). */
  cwd?: string;
}

/** Where gen writes its report; replaceable in tests. */
export interface GenOutput {
  out(line: string): void;
  err(line: string): void;
}

const stdio: GenOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * `vango gen routes`: scans app/routes and writes app/.vango/routes.gen.ts (only when it changes).
 * Invalid route files are reported with their rule, exit code 1.
 */
export function runGenRoutes(opts: GenOptions = {}, io: GenOutput = stdio): CommandResult {
  const root = resolve(opts.cwd ?? process.cwd());
  try {
    const r = generateRoutes(root);
    io.out(`${relative(root, r.file).split('\\').join('/')}: ${summarize(r.manifest)} (${r.changed ? 'written' : 'unchanged'})`);
    return 0;
  } catch (err) {
    if (!(err instanceof RouteError)) throw err;
    const routesDir = 'app/routes';
    for (const e of err.all) io.err(`${e.rule === 'no-routes-dir' ? e.file : `${routesDir}/${e.file}`}: ${e.reason} [${e.rule}]`);
    io.err(`vango gen routes: ${err.all.length === 1 ? '1 problem' : `${err.all.length} problems`}, nothing written`);
    return 1;
  }
}

/** Regenerates the route table or the island manifest from the app's files. */
export async function runGen(what: GenTarget, opts: GenOptions = {}): Promise<CommandResult> {
  if (what === 'routes') return runGenRoutes(opts);
  return notImplemented(`gen ${what}`);
}

export function register(program: Command): Command {
  return program
    .command('gen')
    .description('generate code from the app files')
    .addArgument(new Argument('<what>', 'what to generate').choices(GEN_TARGETS))
    .option('--cwd <dir>', 'the app folder (default: the current directory)')
    .action(handle((what: GenTarget, opts: GenOptions) => runGen(what, opts)));
}
