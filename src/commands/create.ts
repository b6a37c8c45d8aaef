import type { Command } from 'commander';
import { notImplemented } from './not-implemented.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

export interface CreateOptions {
  /** Folder (and package name) of the new app; asked for or defaulted when absent. */
  name?: string;
}

/** Scaffolds a new app from templates/. */
export async function runCreate(_opts: CreateOptions): Promise<CommandResult> {
  return notImplemented('create');
}

/** Adds create's arguments and action to `cmd`; shared by `vango create` and `create-vango`. */
export function configureCreate(cmd: Command): Command {
  return cmd
    .description('create a new Vango app')
    .argument('[name]', 'folder and package name of the new app')
    .action(handle((name: string | undefined) => runCreate({ name })));
}

export function register(program: Command): Command {
  return configureCreate(program.command('create'));
}
