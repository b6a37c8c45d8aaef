// The `vango` command. One module per subcommand, each exporting register(program).
import type { Command } from 'commander';
import * as build from './build.ts';
import * as create from './create.ts';
import * as dev from './dev.ts';
import * as gen from './gen.ts';
import { addHelpHints, createBaseProgram, runProgram } from './program.ts';
import * as start from './start.ts';
import * as test from './test.ts';

const commands = [create, dev, build, start, gen, test];

/** Builds the `vango` program with every subcommand registered. */
export function createProgram(): Command {
  const program = createBaseProgram(
    'vango',
    'Server-driven UI for TypeScript: components run on the server, a tiny client applies DOM patches.',
  );
  for (const command of commands) command.register(program);
  addHelpHints(program);
  return program;
}

/** Runs the CLI with `argv` in process.argv form; resolves to the exit code. */
export function main(argv: readonly string[] = process.argv): Promise<number> {
  return runProgram(createProgram(), argv);
}
