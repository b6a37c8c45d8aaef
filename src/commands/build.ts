import { relative } from 'node:path';
import type { Command } from 'commander';
import { RouteError } from '../runtime/router/errors.ts';
import { buildApp, BuildFailure, formatBytes, formatSizeReport } from '../toolchain/build/index.ts';
import { findAppRoot } from '../toolchain/layout.ts';
import { ansi, colorEnabled } from './color.ts';
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
  target?: string;
  bundleDeps?: boolean;
  /** The app folder (default: the nearest app at or above the current directory). */
  cwd?: string;
}

const yellow = (s: string) => `\x1b[33m${s}\x1b[39m`;

/** Builds the app for production, plus the optional PWA / desktop / iOS targets. */
export async function runBuild(opts: BuildOptions): Promise<CommandResult> {
  for (const extra of ['pwa', 'desktop', 'ios'] as const) if (opts[extra]) return notImplemented(`build --${extra}`);
  const cwd = opts.cwd ?? process.cwd();
  const root = findAppRoot(cwd) ?? cwd;
  const color = colorEnabled(process.stderr);
  try {
    const r = await buildApp(root, { outdir: opts.outdir, minify: opts.minify, sourcemap: opts.sourcemap, target: opts.target, bundleDeps: opts.bundleDeps });
    const out = relative(process.cwd(), r.outdir) || '.';
    for (const line of formatSizeReport(r.report, colorEnabled(process.stdout) ? yellow : undefined)) process.stdout.write(`${line}\n`);
    const total = r.report.rows.reduce((n, row) => n + row.raw, 0);
    process.stdout.write(`\nvango build: ${out}/ written (${formatBytes(total)}) in ${Math.round(r.ms)} ms; run it with \`vango start\` or \`node ${out}/server.js\`\n`);
    return 0;
  } catch (err) {
    if (err instanceof BuildFailure) {
      process.stderr.write(`${err.message}\n\n${color ? ansi.red('vango build failed') : 'vango build failed'}\n`);
      return 1;
    }
    if (err instanceof RouteError) {
      for (const e of err.all) process.stderr.write(`app/routes/${e.file}: ${e.reason} [${e.rule}]\n`);
      process.stderr.write('vango build failed\n');
      return 1;
    }
    throw err;
  }
}

export function register(program: Command): Command {
  return program
    .command('build')
    .description('build the app for production')
    .option('--pwa', 'also emit a web app manifest and service worker')
    .option('--desktop', 'also package a desktop app')
    .option('--ios', 'also produce an iOS app project')
    .option('--outdir <dir>', 'output directory', 'dist')
    .option('--minify', 'minify the server bundle (the client is always minified)')
    .option('--sourcemap', 'emit a source map for the server bundle (default)')
    .option('--no-sourcemap', 'skip the source map')
    .option('--target <target>', 'esbuild target of the server bundle', 'node22')
    .option('--bundle-deps', 'bundle dependencies into server.js instead of loading them from node_modules')
    .option('--cwd <dir>', 'the app folder (default: the current directory)')
    .action(handle((opts: BuildOptions) => runBuild(opts)));
}
