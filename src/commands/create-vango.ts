// `npm create vango` / `npx create-vango`: the same as `vango create`.
import type { Command } from 'commander';
import { configureCreate } from './create.ts';
import { addHelpHints, createBaseProgram, runProgram } from './program.ts';

export function createProgram(): Command {
  const program = configureCreate(createBaseProgram('create-vango', ''));
  addHelpHints(program);
  return program;
}

/** Runs create-vango with `argv` in process.argv form; resolves to the exit code. */
export function main(argv: readonly string[] = process.argv): Promise<number> {
  return runProgram(createProgram(), argv);
}
