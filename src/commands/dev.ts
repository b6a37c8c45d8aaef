import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { findAppRoot } from '../toolchain/layout.ts';
import { CliExit, handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** Options of `vango dev`. */
export interface DevOptions {
  port?: number;
  host?: string;
  open?: boolean;
  /** `--no-dashboard` sets it to false. */
  dashboard?: boolean;
  cwd?: string;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}

/** Starts the development server and keeps running until interrupted. */
export async function runDev(opts: DevOptions): Promise<CommandResult> {
  const from = resolve(opts.cwd ?? process.cwd());
  const root = findAppRoot(from);
  if (!root) throw new CliExit(1, `vango dev: no Vango app in ${from} or above it (looked for vango.config.ts or app/routes/).`);
  // Loaded on use: the CLI starts fast for every other command.
  const { runDevServer } = await import('../dev/supervisor.ts');
  return runDevServer({
    root,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    open: opts.open ?? false,
    // commander sets dashboard=true by default for a --no-* flag: only an explicit --no-dashboard counts.
    ...(opts.dashboard === false ? { dashboard: false } : {}),
  });
}

export function register(program: Command): Command {
  return program
    .command('dev')
    .description('start the development server: hot reload that keeps state, error overlay, dashboard')
    .option('-p, --port <port>', 'port to listen on (default: config server.port, else 3000)', port)
    .option('--host <host>', 'interface to bind (default: config server.host, else 127.0.0.1)')
    .option('--open', 'open the browser once the server is ready')
    .option('--no-dashboard', 'plain log lines instead of the interactive dashboard')
    .option('--cwd <dir>', 'the app folder (default: the current directory)')
    .action(handle((opts: DevOptions) => runDev(opts)));
}
