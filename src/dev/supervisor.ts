/**
 * `vango dev`'s own process: starts the dev server worker, restarts it when the config changes (or on
 * `r`), and shows what it reports — an ink dashboard on a TTY, plain log lines otherwise. The worker
 * is a separate process so a restart is a clean one and the dashboard never competes with app code
 * for the event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { DevEvent } from './events.ts';
import { watch, type FSWatcher } from 'node:fs';
import { CONFIG_NAMES } from '../toolchain/layout.ts';
import { CONFIG_EXIT, RESTART_EXIT } from './server/exit-codes.ts';
import { createPlainLog } from './ui/plain-log.ts';

export interface DevOptions {
  root: string;
  port?: number;
  host?: string;
  open?: boolean;
  /** Ink dashboard (default: when stdout is a TTY and CI is not set). */
  dashboard?: boolean;
}

const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const WORKER = fileURLToPath(new URL(`./server/main${ext}`, import.meta.url));

/** Open `url` in the default browser (best effort). */
export function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
  } catch {
    // No browser opener: the URL is printed anyway.
  }
}

/** Run the dev server until the user quits; resolves with the exit code. */
export async function runDevServer(o: DevOptions): Promise<number> {
  const startedAt = performance.timeOrigin + performance.now();
  const useDashboard = o.dashboard ?? (Boolean(process.stdout.isTTY) && !process.env.CI);
  let ui: { push(e: DevEvent): void; stop?(): void };
  let url: string | undefined;
  let opened = false;
  let child: ChildProcess | undefined;
  let stopping = false;
  let crashes = 0;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((r) => (finish = r));

  const start = (t0: number) => {
    const stdio = useDashboard ? (['ignore', 'pipe', 'pipe', 'ipc'] as const) : (['ignore', 'inherit', 'inherit', 'ipc'] as const);
    const c = spawn(process.execPath, ['--enable-source-maps', WORKER], {
      stdio: [...stdio],
      env: {
        ...process.env,
        VANGO_DEV_ROOT: o.root,
        VANGO_DEV_STARTED_AT: String(t0),
        ...(o.port !== undefined ? { VANGO_DEV_PORT: String(o.port) } : {}),
        ...(o.host !== undefined ? { VANGO_DEV_HOST: o.host } : {}),
      },
    });
    child = c;
    if (useDashboard) {
      // App output goes above the dashboard (ink's console patching), line by line.
      for (const s of [c.stdout, c.stderr]) if (s) createInterface({ input: s }).on('line', (l) => console.log(l));
    }
    c.on('message', (e: DevEvent) => {
      if (e.type === 'ready') {
        url = e.url;
        crashes = 0;
        if (o.open && !opened) {
          opened = true;
          openBrowser(e.url);
        }
      }
      ui.push(e);
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = undefined;
      if (stopping) return finish(0);
      if (code === RESTART_EXIT) return start(performance.timeOrigin + performance.now());
      if (code === CONFIG_EXIT) return waitForConfig();
      crashes++;
      process.stderr.write(`vango dev: the server stopped (${signal ?? `exit code ${code}`}).${crashes < 3 ? ' Restarting…' : ''}\n`);
      if (crashes < 3) setTimeout(() => start(performance.timeOrigin + performance.now()), 300 * crashes);
      else finish(1);
    });
  };

  // Restart once a config file in the app root is written again.
  const waitForConfig = () => {
    process.stderr.write('vango dev: fix the config; the server starts again when it is saved.\n');
    const w = watch(o.root, (_event, name) => {
      if (!name || !CONFIG_NAMES.includes(name as (typeof CONFIG_NAMES)[number]) || stopping) return;
      w.close();
      start(performance.timeOrigin + performance.now());
    });
    configWatch = w;
  };
  let configWatch: FSWatcher | undefined;

  const stop = () => {
    if (stopping) return;
    stopping = true;
    configWatch?.close();
    ui.stop?.();
    const c = child;
    if (!c) return finish(0);
    c.send?.({ type: 'stop' });
    setTimeout(() => c.kill('SIGKILL'), 3000).unref();
  };

  const restart = () => {
    const c = child;
    if (!c) return start(performance.timeOrigin + performance.now());
    c.removeAllListeners('exit');
    c.once('exit', () => start(performance.timeOrigin + performance.now()));
    ui.push({ type: 'restart', reason: 'restart requested' });
    c.send?.({ type: 'stop' });
  };

  // The worker boots while the UI loads; events that arrive first wait for it.
  const early: DevEvent[] = [];
  ui = { push: (e) => early.push(e) };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  start(startedAt);
  if (useDashboard) {
    // ink and React load only for the dashboard.
    const { startDashboard } = await import('./ui/dashboard.ts');
    // The dashboard shows a problem in brief; its frame and stack go above it, as the plain log has them.
    const details = createPlainLog((line) => console.log(line));
    const dashboard = startDashboard({
      stdout: process.stdout,
      stdin: process.stdin,
      onKey: (k) => {
        if (k === 'q') stop();
        else if (k === 'r') restart();
        else if (k === 'o' && url) openBrowser(url);
      },
    });
    ui = {
      push: (e) => {
        if (e.type === 'problem') details.push(e);
        dashboard.push(e);
      },
      stop: () => dashboard.stop(),
    };
  } else {
    ui = createPlainLog((line) => process.stdout.write(`${line}\n`));
  }
  for (const e of early.splice(0)) ui.push(e);
  return done;
}
