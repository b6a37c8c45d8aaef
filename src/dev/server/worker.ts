/**
 * The dev server process (`vango dev` starts it, restarts it when the config changes): serves the app
 * with dev endpoints, watches the files, and applies each change as a hot update. Reports every event
 * to the parent over IPC and the browser-facing ones to the pages over Server-Sent Events.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, relative, sep } from 'node:path';
import { generateRoutes } from '../../codegen/routes/index.ts';
import { RouteError } from '../../runtime/router/errors.ts';
import type { RouteTable } from '../../runtime/router/table.ts';
import { bundleHooks, findHooksEntry } from '../../toolchain/build/hooks.ts';
import { loadConfig } from '../../toolchain/config.ts';
import { BuildFailure } from '../../toolchain/diagnostics.ts';
import { buildDevClient } from '../client-bundle.ts';
import { DEV_EVENTS_PATH, DEV_HOOKS_PATH, DEV_OPEN_PATH, DEV_SCRIPT_PATH, isBrowserEvent, type DevEvent, type DevProblem } from '../events.ts';
import { openInEditor } from '../open-editor.ts';
import { DevEventStream } from './event-stream.ts';
import { installDevLoader, isModuleFile } from './loader.ts';
import { buildProblem, runtimeProblem } from './problems.ts';
import { loadAppRuntime } from './runtime.ts';
import { RESTART_EXIT } from './exit-codes.ts';
import { Updater } from './updater.ts';
import { watchApp, type ChangeBatch } from './watch.ts';

export interface WorkerOptions {
  root: string;
  /** Default: the config's `server.port`, else 3000. */
  port?: number;
  /** Default: the config's `server.host`, else 127.0.0.1. */
  host?: string;
  /** `performance.timeOrigin`-based ms when `vango dev` started (for "ready in"). */
  startedAt: number;
}


function emit(stream: DevEventStream | undefined, e: DevEvent): void {
  process.send?.(e);
  if (stream && isBrowserEvent(e)) stream.send(e);
}

function routeProblem(err: RouteError, routesDir: string, root: string): DevProblem {
  const abs = `${routesDir}${sep}${err.file}`;
  return { kind: 'build', message: err.message, file: relative(root, abs).split(sep).join('/'), absFile: abs, line: 1, column: 1, frame: '' };
}

export async function runWorker(o: WorkerOptions): Promise<void> {
  process.setSourceMapsEnabled(true);
  const loader = installDevLoader(o.root);
  // The runtime loads while esbuild compiles the config.
  const [loaded, rt] = await Promise.all([loadConfig(o.root), loadAppRuntime(o.root)]);
  const { config, layout, publicDir } = loaded;
  const stream = new DevEventStream();
  const rel = (f: string) => relative(o.root, f).split(sep).join('/');
  const send = (e: DevEvent) => emit(stream, e);
  let problem: DevProblem | undefined;
  const show = (p: DevProblem) => {
    problem = p;
    send({ type: 'problem', problem: p });
  };
  const clear = () => {
    if (problem === undefined) return;
    problem = undefined;
    send({ type: 'clear' });
  };

  const regenerate = (): boolean => {
    try {
      generateRoutes(o.root);
      return true;
    } catch (err) {
      if (err instanceof RouteError) {
        show(routeProblem(err, layout.routesDir, o.root));
        return false;
      }
      throw err;
    }
  };

  const registry = rt.dev.installHotRegistry();
  registry.onReset = (r) => send({ type: 'reset', component: r.component, file: r.identity.split('#')[0] ?? '', reason: r.reason });
  rt.dev.setComponentResolver((c) => registry.resolve(c));
  rt.dev.enableDevChecks((w) => send({ type: 'warn', message: w.message, ...(w.component ? { component: w.component } : {}) }));

  const updater = new Updater(o.root, layout.routesModule, loader);
  let routeTable: RouteTable | undefined;
  if (regenerate()) {
    // No separate compile check before the first import: a syntax error surfaces from the loader
    // with the same esbuild location, and startup stays short.
    const r = await updater.load();
    if (r.ok) routeTable = r.routeTable;
    else show('failure' in r ? buildProblem(r.failure) : runtimeProblem(r.error, o.root, 'module evaluation'));
  }

  // The terminal prints problems from the events (once, with the stack); nothing is written here.
  const reportRuntime = (err: unknown, where: string) => show(runtimeProblem(err, o.root, where));
  const app = rt.server.createApp(
    rt.server.appOptionsFromConfig(config, {
      ...(routeTable ? { routeTable } : { resolve: () => new Response('The app does not build yet: see the error overlay or the terminal.', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } }) }),
      dev: true,
      // Client hooks load like in production (after the client); a hooks file added later needs a restart.
      scripts: [DEV_SCRIPT_PATH, ...(findHooksEntry(layout.appDir) ? [DEV_HOOKS_PATH] : [])],
      onError: reportRuntime,
      sessions: { onError: (err, _s, where) => reportRuntime(err, where) },
    }),
  );

  const raw = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === DEV_EVENTS_PATH) {
      stream.attach(req, res);
      return true;
    }
    if (path === DEV_SCRIPT_PATH) {
      const code = await buildDevClient();
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(code);
      return true;
    }
    if (path === DEV_HOOKS_PATH) {
      const entry = findHooksEntry(layout.appDir);
      let code = '';
      if (entry) {
        try {
          code = new TextDecoder().decode(await bundleHooks(o.root, entry, 'dev'));
        } catch (err) {
          show(err instanceof BuildFailure ? buildProblem(err) : runtimeProblem(err, o.root, 'client hooks'));
          code = `console.error(${JSON.stringify(`[vango] ${rel(entry)} does not build: see the overlay`)});`;
        }
      }
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(code);
      return true;
    }
    if (path === DEV_OPEN_PATH) {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      try {
        await openInEditor(q.get('file') ?? '', Number(q.get('line')) || 1, Number(q.get('column')) || 1, { root: o.root });
        res.writeHead(204).end();
      } catch (err) {
        res.writeHead((err as { status?: number }).status ?? 500, { 'content-type': 'text/plain; charset=utf-8' }).end((err as Error).message);
      }
      return true;
    }
    return false;
  };

  const served = await rt.server.serve(app, { port: o.port ?? config.server?.port ?? 3000, host: o.host ?? config.server?.host ?? '127.0.0.1', publicDir: existsSync(publicDir) ? publicDir : undefined, raw });
  const url = served.url;
  send({ type: 'ready', url, ms: Math.round(performance.timeOrigin + performance.now() - o.startedAt) });
  // Warm the incremental compile check now, so the first edit does not pay for it.
  void updater.check().catch(() => undefined);

  let sessions = -1;
  const count = setInterval(() => {
    const n = [...app.sessions.all()].filter((s) => s.attached).length;
    if (n !== sessions) send({ type: 'sessions', count: (sessions = n) });
  }, 500);
  count.unref();

  const configFiles = new Set(loaded.inputs);
  if (layout.configFile) configFiles.add(layout.configFile);

  const apply = async (batch: ChangeBatch): Promise<void> => {
    const t0 = performance.now();
    if (batch.files.some((f) => configFiles.has(f))) {
      send({ type: 'restart', reason: `${rel(batch.files.find((f) => configFiles.has(f))!)} changed` });
      // Pages hear it on the event stream (ended cleanly, so the message is not cut off) and reload
      // once the new server answers; their live sockets are closed with "restart".
      stream.close();
      await served.close(200, true);
      process.exit(RESTART_EXIT);
    }
    const css = batch.files.filter((f) => extname(f) === '.css' && f.startsWith(publicDir + sep));
    for (const f of css) send({ type: 'css', href: `/${relative(publicDir, f).split(sep).join('/')}` });
    if (css.length > 0) send({ type: 'update', files: css.map(rel), what: 'css', ms: Math.round(performance.now() - t0) });
    // Client hooks run in the browser: pages reload to take the new code.
    const hooks = findHooksEntry(layout.appDir);
    if (hooks && batch.files.includes(hooks)) {
      send({ type: 'reload', reason: `${rel(hooks)} changed` });
      send({ type: 'update', files: [rel(hooks)], what: 'full', ms: Math.round(performance.now() - t0) });
    }
    const code = batch.files.filter((f) => f !== hooks && f.startsWith(layout.appDir + sep) && !f.startsWith(layout.genDir + sep) && isModuleFile(f));
    if (code.length === 0 && !batch.structural) return;
    if (batch.structural && !regenerate()) return;
    const failure = await updater.check();
    if (failure) {
      show(buildProblem(failure));
      return;
    }
    const r = await updater.load(batch.structural ? [...code, layout.routesModule] : code);
    if (!r.ok) {
      if ('failure' in r) show(buildProblem(r.failure));
      else reportRuntime(r.error, 'module evaluation');
      return;
    }
    const first = routeTable === undefined;
    routeTable = r.routeTable;
    rt.dev.hotUpdate(app, r.routeTable, (c) => registry.resolve(c));
    clear();
    if (first) send({ type: 'reload', reason: 'the app builds now' });
    send({ type: 'update', files: [...code.map(rel), ...(batch.structural ? [rel(layout.routesModule)] : [])], what: batch.structural ? 'routes' : 'hot', ms: Math.round(performance.now() - t0) });
  };

  let chain = Promise.resolve();
  const watcher = watchApp(o.root, [layout.genDir], (batch) => {
    chain = chain.then(() => apply(batch)).catch((err) => reportRuntime(err, 'hot update'));
  });

  const stop = async () => {
    clearInterval(count);
    await watcher.close();
    await updater.dispose();
    stream.close();
    await served.close(500);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'stop') void stop();
  });
  process.on('uncaughtException', (err) => reportRuntime(err, 'uncaught exception'));
  process.on('unhandledRejection', (err) => reportRuntime(err, 'unhandled rejection'));
}
