import type { Command } from 'commander';
import { notImplemented } from './not-implemented.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

export interface BuildOptions {
  pwa?: boolean;
  desktop?: boolean;
  ios?: boolean;
  outdir?: string;
  minify?: boolean;
  sourcemap?: boolean;
}

/** Builds the app for production, plus the optional PWA / desktop / iOS targets. */
export async function runBuild(_opts: BuildOptions): Promise<CommandResult> {
  return notImplemented('build');
}

export function register(program: Command): Command {
  return program
    .command('build')
    .description('build the app for production')
    .option('--pwa', 'also emit a web app manifest and service worker')
    .option('--desktop', 'also package a desktop app')
    .option('--ios', 'also produce an iOS app project')
    .option('--outdir <dir>', 'output directory')
    .option('--minify', 'minify the client code')
    .option('--sourcemap', 'emit source maps')
    .action(handle((opts: BuildOptions) => runBuild(opts)));
}
