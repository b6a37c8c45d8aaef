/**
 * The `vango dev` terminal dashboard (ink). Written with createElement rather than JSX because this
 * repo's JSX belongs to Vango's own runtime.
 */
import { Box, render, Text, useInput, useStdin, type Instance } from 'ink';
import React from 'react';
import type { DevEvent } from '../events.ts';
import { clearNotices, initialState, reduce, type DashboardState } from './dashboard-state.ts';
import { fileList, location, problemTitle, sessionsLine, updateLabel } from './format.ts';
import { displayUrls, type DisplayUrls } from './urls.ts';

/** o: open the browser, r: restart the server, c: clear notices, q (or Ctrl+C): quit. */
export type DashboardKey = 'o' | 'r' | 'c' | 'q';

export interface DashboardOptions {
  stdout: NodeJS.WriteStream | NodeJS.WritableStream;
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  onKey: (key: DashboardKey) => void;
  /** Route console.* above the dashboard instead of through it (default true; vitest's console cannot be patched). */
  patchConsole?: boolean;
  /** Injectable for tests. */
  urls?: (url: string) => DisplayUrls;
  now?: () => Date;
}

export interface Dashboard {
  push(e: DevEvent): void;
  stop(): void;
}

const h = React.createElement;
const KEYS: ReadonlySet<string> = new Set(['o', 'r', 'c', 'q']);
const MESSAGE_LINES = 3;

interface ViewProps {
  state: DashboardState;
  urls: (url: string) => DisplayUrls;
  onKey: (key: DashboardKey) => void;
}

function Keys({ onKey }: { onKey: (key: DashboardKey) => void }): React.ReactElement | null {
  // Without a raw-mode stdin (a pipe) useInput would throw; the dashboard then simply has no keys.
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return onKey('q');
      const k = input.toLowerCase();
      if (!key.ctrl && !key.meta && KEYS.has(k)) onKey(k as DashboardKey);
    },
    { isActive: isRawModeSupported },
  );
  return null;
}

function Header({ state, urls }: Pick<ViewProps, 'state' | 'urls'>): React.ReactElement {
  const title = h(Text, { bold: true, color: 'cyan' }, 'vango dev');
  if (state.restarting !== undefined) {
    return h(Box, { flexDirection: 'column' }, h(Text, null, title, '  ', h(Text, { color: 'yellow' }, `restarting: ${state.restarting}`)));
  }
  if (state.url === undefined) return h(Text, null, title, '  ', h(Text, { dimColor: true }, 'starting…'));
  const u = urls(state.url);
  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, null, title, '  ', h(Text, { color: 'green' }, `ready in ${Math.round(state.readyMs ?? 0)} ms`)),
    h(Text, null, '  Local:   ', h(Text, { color: 'cyan' }, u.local)),
    ...u.network.map((n) => h(Text, { key: n }, '  Network: ', h(Text, { color: 'cyan' }, n))),
    h(Text, { dimColor: true }, `  ${sessionsLine(state.sessions)}`),
  );
}

function LastUpdate({ state }: Pick<ViewProps, 'state'>): React.ReactElement | null {
  const l = state.last;
  if (!l) return null;
  return h(
    Text,
    { wrap: 'truncate-end' },
    h(Text, { dimColor: true }, l.at), '  ',
    h(Text, { color: 'green' }, updateLabel(l.what)), ' ',
    fileList(l.files), ' ',
    h(Text, { dimColor: true }, `(${Math.round(l.ms)} ms)`),
  );
}

function Problem({ state }: Pick<ViewProps, 'state'>): React.ReactElement | null {
  const p = state.problem;
  if (!p) return null;
  const loc = location(p);
  const lines = p.message.split('\n').filter((l) => l.trim() !== '');
  const shown = lines.slice(0, MESSAGE_LINES);
  return h(
    Box,
    { flexDirection: 'column', marginTop: 1 },
    h(Text, null, h(Text, { color: 'red', bold: true }, `✖ ${problemTitle(p)}`), loc ? `  ${loc}` : '', p.where ? h(Text, { dimColor: true }, `  in ${p.where}`) : ''),
    ...shown.map((l, i) => h(Text, { key: i, wrap: 'truncate-end' }, `  ${l}`)),
    lines.length > shown.length ? h(Text, { dimColor: true }, `  … ${lines.length - shown.length} more line(s); the browser overlay has the rest`) : null,
  );
}

function Recent({ state }: Pick<ViewProps, 'state'>): React.ReactElement | null {
  if (state.recent.length === 0) return null;
  return h(
    Box,
    { flexDirection: 'column', marginTop: 1 },
    ...state.recent.map((l, i) => h(Text, { key: i, color: 'yellow', wrap: 'truncate-end' }, l)),
  );
}

function Hint(): React.ReactElement {
  const k = (key: string, label: string) => [h(Text, { bold: true, key }, key), h(Text, { dimColor: true, key: `${key}-l` }, ` ${label}  `)];
  return h(Box, { marginTop: 1 }, h(Text, null, ...k('o', 'open browser'), ...k('r', 'restart'), ...k('c', 'clear'), ...k('q', 'quit')));
}

function View({ state, urls, onKey }: ViewProps): React.ReactElement {
  return h(
    Box,
    { flexDirection: 'column', paddingX: 1 },
    h(Keys, { onKey }),
    h(Header, { state, urls }),
    state.last ? h(Box, { marginTop: 1 }, h(LastUpdate, { state })) : null,
    h(Problem, { state }),
    h(Recent, { state }),
    h(Hint),
  );
}

/** Renders the dashboard on `stdout` and reads single keys from `stdin` (when it is a TTY). */
export function startDashboard(options: DashboardOptions): Dashboard {
  const urls = options.urls ?? displayUrls;
  const now = options.now ?? (() => new Date());
  let state = initialState();
  let stopped = false;
  const view = () => h(View, { state, urls, onKey: handleKey });
  const handleKey = (key: DashboardKey): void => {
    if (key === 'c') {
      state = clearNotices(state);
      instance.rerender(view());
    }
    options.onKey(key);
  };
  const instance: Instance = render(view(), {
    stdout: options.stdout,
    stdin: options.stdin,
    // Raw mode swallows SIGINT; Ctrl+C is reported as 'q' so the server shuts down its own way.
    exitOnCtrlC: false,
    // The caller chose the dashboard for a terminal; CI detection must not turn it into a final-frame dump.
    interactive: true,
    patchConsole: options.patchConsole ?? true,
  });
  return {
    push(e) {
      if (stopped) return;
      state = reduce(state, e, now());
      instance.rerender(view());
    },
    stop() {
      if (stopped) return;
      stopped = true;
      instance.unmount();
    },
  };
}
