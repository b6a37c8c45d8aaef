/**
 * How esbuild compiles an app's server code, in one place for every tool that does it (loading the
 * config, the dev server's loader and compile check, `vango build`).
 */
import type * as esbuild from 'esbuild';

/** Vango's JSX: the automatic runtime from `vango/jsx-runtime`. */
export const VANGO_JSX = { jsx: 'automatic', jsxImportSource: 'vango' } as const;

/** The Node version the server code targets. */
export const SERVER_TARGET = 'node22';

/** ESM for Node with the app's imports bundled and packages (`vango` among them) left to run time. */
export function serverBuildOptions(root: string): esbuild.BuildOptions {
  return { absWorkingDir: root, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: SERVER_TARGET, logLevel: 'silent', ...VANGO_JSX };
}
