/**
 * `vango test`: regenerate the routes, write the preset config, and run vitest with the user's
 * arguments untouched. Resolves to vitest's exit code.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { generateRoutes } from '../../codegen/routes/index.ts';
import type { VangoConfig } from '../../runtime/config.ts';
import { runForeground } from '../child.ts';
import { loadConfig } from '../config.ts';
import { appLayout } from '../layout.ts';
import { tsconfigAliases } from './aliases.ts';
import { TEST_ENV, writeTestConfig } from './config.ts';
import { resolveVitest } from './resolve-vitest.ts';

export interface TestArgs {
  /** Run `*.e2e.*` specs too and let them launch Chromium. */
  browser: boolean;
  /** Everything else, for vitest. */
  vitest: string[];
}

/** The Chromium `launchBrowser()` uses: `VANGO_CHROMIUM` if set, else the config's `test.browser`. */
export function browserEnv(config: VangoConfig, root: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const path = config.test?.browser;
  if (env.VANGO_CHROMIUM || !path) return {};
  return { VANGO_CHROMIUM: isAbsolute(path) ? path : join(root, path) };
}

/** Take Vango's own flags out of the arguments; the rest is vitest's. */
export function splitTestArgs(args: readonly string[]): TestArgs {
  const vitest: string[] = [];
  let browser = false;
  for (const a of args) {
    if (a === '--browser') browser = true;
    else vitest.push(a);
  }
  return { browser, vitest };
}

/** vitest's argv: `run` unless the user asked for watch mode (or another vitest command). */
export function vitestArgv(args: readonly string[], config: string): string[] {
  const commands = ['run', 'watch', 'dev', 'related', 'bench', 'list', 'init'];
  // vitest's full option list: its top-level help, without our --config (which trims it).
  if (args.includes('--help') || args.includes('-h')) return ['--help'];
  const watch = args.includes('--watch') || args.includes('-w');
  const first = args[0];
  const head = first !== undefined && commands.includes(first) ? [] : watch ? [] : ['run'];
  return [...head, ...args, '--config', config];
}

export interface RunTestsOptions {
  root: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** Prepare the app at `root` and run vitest; resolves to its exit code. */
export async function runTests(opts: RunTestsOptions): Promise<number> {
  const layout = appLayout(opts.root);
  const { browser, vitest: args } = splitTestArgs(opts.args);
  if (existsSync(layout.routesDir)) generateRoutes(layout.root);
  const config = writeTestConfig(layout, tsconfigAliases(layout.root), browser);
  const vitest = resolveVitest(layout.root);
  if (!vitest) {
    process.stderr.write('vango test: vitest is not installed; add it with `npm install -D vitest`\n');
    return 1;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, [TEST_ENV.root]: layout.root };
  if (browser) {
    env[TEST_ENV.browser] = '1';
    if (layout.configFile) Object.assign(env, browserEnv((await loadConfig(layout.root)).config, layout.root, env));
  }
  return runForeground([vitest.bin, ...vitestArgv(args, config)], { cwd: layout.root, env });
}
