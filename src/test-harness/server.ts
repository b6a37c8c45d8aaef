/**
 * Browser tests (`vango test --browser`): the app served on a free port, and a headless Chromium
 * driven by playwright-core (an optional peer dependency).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../runtime/app/app.ts';
import { appOptionsFromConfig } from '../runtime/app/from-config.ts';
import type { VangoConfig } from '../runtime/config.ts';
import { serve } from '../runtime/node/serve.ts';
import type { RouteTable } from '../runtime/router/table.ts';
import { registeredRoutes } from './routes.ts';

/** Where Debian/Ubuntu put Chromium; `VANGO_CHROMIUM` or `launchBrowser({ executablePath })` override it. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Chromium flags for headless runs in containers and CI. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Whether the tests run under `vango test --browser`. */
export function browserTestsEnabled(): boolean {
  return process.env.VANGO_TEST_BROWSER === '1';
}

export interface TestServerOptions {
  /** Default: the table registered by `vango test`. */
  routeTable?: RouteTable;
  config?: VangoConfig;
  app?: AppOptions;
  /** Static files (default: `<app>/public` when `vango test` set the app root). */
  publicDir?: string;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Serve the app on 127.0.0.1 with a free port (development settings, the client built from the package). */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const routeTable = opts.routeTable ?? registeredRoutes();
  if (!routeTable && !opts.app?.routes && !opts.app?.resolve) {
    throw new Error('startTestServer(): no route table. Run the tests with `vango test --browser`, or pass { routeTable }.');
  }
  const root = process.env.VANGO_APP_ROOT;
  const publicDir = opts.publicDir ?? (root && existsSync(join(root, 'public')) ? join(root, 'public') : undefined);
  const app = createApp(appOptionsFromConfig(opts.config ?? {}, { ...opts.app, ...(routeTable ? { routeTable } : {}) }));
  const served = await serve(app, { port: 0, host: '127.0.0.1', publicDir });
  return { url: served.url, close: () => served.close(500) };
}

export interface LaunchOptions {
  executablePath?: string;
  args?: string[];
}

/** A headless Chromium (playwright-core's `Browser`); close it in `afterAll`. */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<import('playwright-core').Browser> {
  let pw: typeof import('playwright-core');
  try {
    pw = await import('playwright-core');
  } catch {
    throw new Error('launchBrowser(): playwright-core is not installed; add it with `npm install -D playwright-core`');
  }
  const executablePath = opts.executablePath ?? process.env.VANGO_CHROMIUM ?? SYSTEM_CHROMIUM;
  if (!existsSync(executablePath)) throw new Error(`launchBrowser(): no Chromium at ${executablePath} (install it, or set VANGO_CHROMIUM)`);
  return pw.chromium.launch({ executablePath, args: opts.args ?? CHROMIUM_ARGS });
}
