/** The package managers we can drive, how to detect the one in use, and their commands. */

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export function isPackageManager(s: string): s is PackageManager {
  return (PACKAGE_MANAGERS as readonly string[]).includes(s);
}

/**
 * The package manager that started us, from `npm_config_user_agent` (`pnpm/9.1.0 npm/? node/v22…`);
 * every manager sets it for `create`/`dlx`/`npx`. Defaults to npm.
 */
export function detectPackageManager(env: NodeJS.ProcessEnv = process.env): PackageManager {
  const name = /^([a-z]+)\//.exec(env.npm_config_user_agent ?? '')?.[1] ?? '';
  return isPackageManager(name) ? name : 'npm';
}

/**
 * The install command as [program, ...args]. `linked`: vango is a `file:` link to a source checkout,
 * whose `prepare` script the manager would otherwise run (rebuilding the checkout's dist in place,
 * under whatever else uses it); the CLI runs from that dist, so it is already built.
 */
export function installCommand(pm: PackageManager, linked = false): string[] {
  const cmd = pm === 'yarn' ? ['yarn'] : [pm, 'install'];
  return linked ? [...cmd, '--ignore-scripts'] : cmd;
}

/**
 * Flags the scaffolder adds when it runs the install itself (not shown in the next steps): npm uses
 * cached packages without asking the registry again and skips the audit and funding requests, which
 * takes a warm-cache install of the todo template from ~7 s to ~3 s.
 */
export function quickInstallFlags(pm: PackageManager): string[] {
  return pm === 'npm' ? ['--prefer-offline', '--no-audit', '--no-fund'] : [];
}

/** How to run a package.json script (`npm run dev`, `pnpm dev`...). */
export function runScript(pm: PackageManager, script: string): string {
  return pm === 'npm' || pm === 'bun' ? `${pm} run ${script}` : `${pm} ${script}`;
}
