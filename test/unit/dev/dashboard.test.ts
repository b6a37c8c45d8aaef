/**
 * The ink dashboard rendered into a fake terminal: frames are recorded from the writable and read with
 * the ANSI codes stripped; keys are typed into a fake raw-mode stdin.
 */
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDashboard, type Dashboard, type DashboardKey } from '../../../src/dev/ui/dashboard.ts';
import { initialState, reduce, RECENT_MAX } from '../../../src/dev/ui/dashboard-state.ts';
import { displayUrls } from '../../../src/dev/ui/urls.ts';
import { buildProblem, runtimeProblem } from './fixtures.ts';

const strip = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function terminal() {
  const frames: string[] = [];
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        frames.push(strip(chunk.toString()));
        cb();
      },
    }),
    { isTTY: true, columns: 100, rows: 40 },
  );
  const raw: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode(on: boolean) {
      raw.push(on);
      return stdin;
    },
    ref() {},
    unref() {},
  });
  /** The last frame that has the key hint (each full frame ends with it). */
  const last = (): string => frames.filter((f) => f.includes('q quit')).at(-1) ?? '';
  return { frames, stdout, stdin, raw, last };
}

const lan = (url: string) =>
  displayUrls(url, { eth0: [{ address: '10.0.0.7', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }] });

let dash: Dashboard | undefined;
afterEach(() => {
  dash?.stop();
  dash = undefined;
});

describe('dashboard rendering', () => {
  it('shows URLs, ready time, sessions, the last update, the problem and notices', async () => {
    const t = terminal();
    dash = startDashboard({ patchConsole: false, stdout: t.stdout, stdin: t.stdin, onKey: () => {}, urls: lan, now: () => new Date(2026, 0, 1, 9, 5, 7) });
    await vi.waitFor(() => expect(t.last()).toContain('starting'));
    dash.push({ type: 'ready', url: 'http://0.0.0.0:3000', ms: 412 });
    dash.push({ type: 'sessions', count: 2 });
    dash.push({ type: 'update', files: ['app/routes/index.tsx'], what: 'hot', ms: 12 });
    dash.push({ type: 'problem', problem: buildProblem() });
    dash.push({ type: 'reset', component: 'Counter', file: 'app/routes/index.tsx', reason: 'its hooks changed' });
    await vi.waitFor(() => expect(t.last()).toContain('reset <Counter>'));
    const f = t.last();
    expect(f).toContain('ready in 412 ms');
    expect(f).toContain('Local:   http://localhost:3000');
    expect(f).toContain('Network: http://10.0.0.7:3000');
    expect(f).toContain('2 sessions open');
    expect(f).toContain('09:05:07  hot update app/routes/index.tsx (12 ms)');
    expect(f).toContain('Build error  app/routes/index.tsx:3:7');
    expect(f).toContain('Expected ";" but found "}"');
    expect(f).toContain('reset <Counter> (app/routes/index.tsx): its hooks changed');
    expect(f).toContain('o open browser');

    dash.push({ type: 'clear' });
    dash.push({ type: 'sessions', count: 1 });
    await vi.waitFor(() => expect(t.last()).toContain('1 session open'));
    expect(t.last()).not.toContain('Build error');
  });

  it('a runtime problem says where; restart shows until the next ready', async () => {
    const t = terminal();
    dash = startDashboard({ patchConsole: false, stdout: t.stdout, stdin: t.stdin, onKey: () => {}, urls: (u) => displayUrls(u, {}) });
    dash.push({ type: 'ready', url: 'http://127.0.0.1:3000', ms: 5 });
    dash.push({ type: 'problem', problem: runtimeProblem() });
    await vi.waitFor(() => expect(t.last()).toContain('Runtime error  app/components/Counter.tsx:12:5  in click handler'));
    expect(t.last()).toContain('Local:   http://127.0.0.1:3000');
    dash.push({ type: 'restart', reason: 'vango.config.ts changed' });
    await vi.waitFor(() => expect(t.last()).toContain('restarting: vango.config.ts changed'));
    dash.push({ type: 'ready', url: 'http://127.0.0.1:3001', ms: 80 });
    await vi.waitFor(() => expect(t.last()).toContain('http://127.0.0.1:3001'));
    expect(t.last()).not.toContain('restarting');
  });
});

describe('dashboard keys', () => {
  it('reports o/r/c/q and Ctrl+C (as q), ignores other keys; c clears notices', async () => {
    const t = terminal();
    const keys: DashboardKey[] = [];
    dash = startDashboard({ patchConsole: false, stdout: t.stdout, stdin: t.stdin, onKey: (k) => keys.push(k), urls: (u) => displayUrls(u, {}) });
    dash.push({ type: 'warn', message: 'useSignal called conditionally' });
    await vi.waitFor(() => expect(t.last()).toContain('warning: useSignal'));
    expect(t.raw).toContain(true);
    // One key per read, like a terminal delivers typing (a pasted "oxr" is not three commands).
    for (const k of ['o', 'x', 'r', 'R', 'q', '\x03']) {
      t.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
    await vi.waitFor(() => expect(keys).toEqual(['o', 'r', 'r', 'q', 'q']));
    t.stdin.write('c');
    await vi.waitFor(() => expect(keys.at(-1)).toBe('c'));
    await vi.waitFor(() => expect(t.last()).not.toContain('warning: useSignal'));
  });

  it('a pasted run of letters is not taken as commands', async () => {
    const t = terminal();
    const keys: DashboardKey[] = [];
    dash = startDashboard({ patchConsole: false, stdout: t.stdout, stdin: t.stdin, onKey: (k) => keys.push(k), urls: (u) => displayUrls(u, {}) });
    await vi.waitFor(() => expect(t.raw).toContain(true));
    t.stdin.write('orcq');
    await new Promise((r) => setTimeout(r, 50));
    t.stdin.write('o');
    await vi.waitFor(() => expect(keys).toEqual(['o']));
  });

  it('renders without keys when stdin cannot do raw mode (a pipe)', async () => {
    const t = terminal();
    const stdin = new PassThrough();
    dash = startDashboard({ patchConsole: false, stdout: t.stdout, stdin, onKey: () => {}, urls: (u) => displayUrls(u, {}) });
    dash.push({ type: 'ready', url: 'http://127.0.0.1:3000', ms: 1 });
    await vi.waitFor(() => expect(t.last()).toContain('ready in 1 ms'));
  });
});

describe('dashboard state', () => {
  it('keeps the last five notices, newest last', () => {
    let s = initialState();
    for (let i = 0; i < 8; i++) s = reduce(s, { type: 'warn', message: `w${i}` });
    expect(s.recent).toHaveLength(RECENT_MAX);
    expect(s.recent[0]).toBe('warning: w3');
    expect(s.recent.at(-1)).toBe('warning: w7');
  });
});
