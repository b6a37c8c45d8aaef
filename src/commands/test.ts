import type { Command } from 'commander';
import { RouteError } from '../runtime/router/errors.ts';
import { findAppRoot } from '../toolchain/layout.ts';
import { runTests } from '../toolchain/test/index.ts';
import { handle } from './program.ts';
import type { CommandResult } from './program.ts';

/** Runs the app's tests; `args` go to vitest untouched (except `--browser`). Exit code is vitest's. */
export async function runTest(args: readonly string[]): Promise<CommandResult> {
  if (args.includes('--help') || args.includes('-h')) {
    // Ours first; vitest's own help (the options we pass through) follows.
    process.stdout.write(
      'Usage: vango test [--browser] [vitest options and filters]\n\n' +
        "Runs the app's tests with vitest and Vango's preset (TSX, the app's tsconfig paths, the generated routes).\n" +
        '  --browser   also run the *.e2e.{test,spec}.ts(x) specs, in Chromium\n' +
        "Every other argument goes to vitest, whose options follow.\n\n",
    );
  }
  const root = findAppRoot(process.cwd()) ?? process.cwd();
  try {
    return await runTests({ root, args });
  } catch (err) {
    if (!(err instanceof RouteError)) throw err;
    for (const e of err.all) process.stderr.write(`app/routes/${e.file}: ${e.reason} [${e.rule}]\n`);
    return 1;
  }
}

export function register(program: Command): Command {
  return program
    .command('test')
    .description("run the app's tests with vitest (--browser adds *.e2e.* specs in Chromium; other arguments go to vitest)")
    .argument('[args...]', 'passed through to vitest')
    .allowUnknownOption()
    .passThroughOptions()
    .helpOption(false)
    .action(handle((args: string[]) => runTest(args)));
}
