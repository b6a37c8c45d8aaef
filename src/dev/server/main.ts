/**
 * Process entry of the dev server worker; `vango dev` spawns it with its options in the environment.
 * The compile cache is enabled before anything else loads (hence the dynamic import).
 */
import { enableCompileCache } from 'node:module';
import { CONFIG_EXIT } from './exit-codes.ts';

enableCompileCache?.();
const { runWorker } = await import('./worker.ts');
const { BuildFailure } = await import('../../toolchain/diagnostics.ts');

runWorker({
  root: process.env.VANGO_DEV_ROOT ?? process.cwd(),
  ...(process.env.VANGO_DEV_PORT ? { port: Number(process.env.VANGO_DEV_PORT) } : {}),
  ...(process.env.VANGO_DEV_HOST ? { host: process.env.VANGO_DEV_HOST } : {}),
  startedAt: Number(process.env.VANGO_DEV_STARTED_AT) || performance.timeOrigin,
}).catch((err: unknown) => {
  // A wrong config is the user's to fix: its message, no stack, and `vango dev` waits for the edit.
  if (err instanceof BuildFailure || (err instanceof Error && err.name === 'ConfigError')) {
    process.stderr.write(`vango dev: ${err.message}\n`);
    process.exit(CONFIG_EXIT);
  }
  process.stderr.write(`vango dev: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
