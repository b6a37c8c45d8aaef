import type { Command } from 'commander';
import { notImplemented } from './not-implemented.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** Runs the app's tests; `args` go to the test runner untouched. */
export async function runTest(_args: readonly string[]): Promise<CommandResult> {
  return notImplemented('test');
}

export function register(program: Command): Command {
  return program
    .command('test')
    .description("run the app's tests (other arguments and options go to the test runner)")
    .argument('[args...]', 'passed through to the test runner')
    .allowUnknownOption()
    .passThroughOptions()
    .action(handle((args: string[]) => runTest(args)));
}
