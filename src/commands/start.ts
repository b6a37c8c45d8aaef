import type { Command } from 'commander';
import { notImplemented } from './not-implemented.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** Options of `vango start`; grows with the production server's flags. */
export interface StartOptions {}

/** Serves the output of `vango build` in production mode. */
export async function runStart(_opts: StartOptions): Promise<CommandResult> {
  return notImplemented('start');
}

export function register(program: Command): Command {
  return program
    .command('start')
    .description('serve the production build')
    .action(handle((opts: StartOptions) => runStart(opts)));
}
