import { Option, type Command } from 'commander';
import { create, type CreateFlags } from '../create/create.ts';
import { PACKAGE_MANAGERS } from '../create/package-manager.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

export interface CreateOptions extends CreateFlags {
  /** Folder (and package name) of the new app; asked for or defaulted when absent. */
  name?: string;
}

/** Scaffolds a new app from templates/. */
export async function runCreate(opts: CreateOptions): Promise<CommandResult> {
  const { name, ...flags } = opts;
  return create(name, flags);
}

/** Adds create's arguments and action to `cmd`; shared by `vango create` and `create-vango`. */
export function configureCreate(cmd: Command): Command {
  return cmd
    .description('create a new Vango app')
    .argument('[name]', 'folder and package name of the new app (a path works too)')
    .option('-t, --template <name>', 'template: minimal, todo or realtime')
    .addOption(new Option('--pm <name>', 'package manager (default: the one running this)').choices(PACKAGE_MANAGERS))
    .option('--install', 'install dependencies (default)')
    .option('--no-install', 'do not install dependencies')
    .option('--git', 'initialise a git repository (default)')
    .option('--no-git', 'do not initialise a git repository')
    .option('-y, --yes', 'use defaults for every unanswered question')
    .option('--overwrite', 'replace the files of a non-empty target folder')
    .option('--dry-run', 'print what would be created, write nothing')
    .action(handle((name: string | undefined, flags: CreateFlags) => runCreate({ name, ...flags })));
}

export function register(program: Command): Command {
  return configureCreate(program.command('create'));
}
