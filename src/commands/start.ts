import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { runForeground } from '../toolchain/child.ts';
import { findAppRoot } from '../toolchain/layout.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** Options of `vango start`. */
export interface StartOptions {
  /** The build's folder (default `dist`, relative to the app root). */
  outdir?: string;
  port?: string;
  host?: string;
  cwd?: string;
}

/** Serves the output of `vango build` in production mode (`node dist/server.js` in a child process). */
export async function runStart(opts: StartOptions): Promise<CommandResult> {
  const cwd = opts.cwd ?? process.cwd();
  const root = findAppRoot(cwd) ?? cwd;
  const server = join(resolve(root, opts.outdir ?? 'dist'), 'server.js');
  if (!existsSync(server)) {
    process.stderr.write(`vango start: ${relative(process.cwd(), server) || server} is missing; run \`vango build\` first\n`);
    return 1;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
  if (opts.port !== undefined) env.PORT = opts.port;
  if (opts.host !== undefined) env.HOST = opts.host;
  // The child handles SIGINT/SIGTERM itself (graceful shutdown).
  return runForeground(['--enable-source-maps', server], { cwd: root, env });
}

export function register(program: Command): Command {
  return program
    .command('start')
    .description('serve the production build')
    .option('--outdir <dir>', 'the build folder', 'dist')
    .option('--port <port>', 'port (default: PORT, the config, 3000)')
    .option('--host <host>', 'interface to bind (default: HOST, the config, 0.0.0.0)')
    .option('--cwd <dir>', 'the app folder (default: the current directory)')
    .action(handle((opts: StartOptions) => runStart(opts)));
}
