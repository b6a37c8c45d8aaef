import type { Command } from 'commander';
import { notImplemented } from './not-implemented.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** Options of `vango dev`; grows with the dev server's flags. */
export interface DevOptions {}

/** Starts the development server (src/devserver) and keeps running until interrupted. */
export async function runDev(_opts: DevOptions): Promise<CommandResult> {
  return notImplemented('dev');
}

export function register(program: Command): Command {
  return program
    .command('dev')
    .description('start the development server with live reload')
    .action(handle((opts: DevOptions) => runDev(opts)));
}
