/**
 * The plain log's line shapes: these are greppable contracts (scripts wait for "ready in", editors jump
 * to "file:line:col:"), so the tests pin the exact text.
 */
import { describe, expect, it } from 'vitest';
import { createPlainLog } from '../../../src/dev/ui/plain-log.ts';
import { displayUrls } from '../../../src/dev/ui/urls.ts';
import type { DevEvent } from '../../../src/dev/events.ts';
import { buildProblem, runtimeProblem } from './fixtures.ts';

const noNetwork = (url: string) => displayUrls(url, {});

function log(events: DevEvent[], color = false, urls = noNetwork): string[] {
  const lines: string[] = [];
  const l = createPlainLog((line) => lines.push(line), { color, urls });
  for (const e of events) l.push(e);
  return lines;
}

describe('plain log', () => {
  it('ready: the URL line and "ready in"', () => {
    const lines = log([{ type: 'ready', url: 'http://127.0.0.1:3000', ms: 123.4 }]);
    expect(lines).toContain('  Local:   http://127.0.0.1:3000');
    expect(lines.some((l) => l.includes('ready in 123 ms'))).toBe(true);
    expect(lines.some((l) => l.includes('Network:'))).toBe(false);
  });

  it('ready on 0.0.0.0: localhost plus every LAN IPv4 address', () => {
    const urls = (url: string) =>
      displayUrls(url, {
        lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
        eth0: [
          { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
          { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 1 },
        ],
      });
    const lines = log([{ type: 'ready', url: 'http://0.0.0.0:5173', ms: 9 }], false, urls);
    expect(lines).toContain('  Local:   http://localhost:5173');
    expect(lines).toContain('  Network: http://192.168.1.20:5173');
    expect(lines.filter((l) => l.includes('Network:'))).toHaveLength(1);
  });

  it('updates: label per kind, files, rounded ms', () => {
    expect(
      log([
        { type: 'update', files: ['app/routes/index.tsx'], what: 'hot', ms: 12.2 },
        { type: 'update', files: ['app/styles.css'], what: 'css', ms: 3 },
        { type: 'update', files: ['app/routes/new.tsx'], what: 'routes', ms: 40 },
        { type: 'update', files: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'], what: 'full', ms: 5 },
      ]),
    ).toEqual([
      'hot update app/routes/index.tsx (12 ms)',
      'css update app/styles.css (3 ms)',
      'routes update app/routes/new.tsx (40 ms)',
      'full reload a.ts, b.ts, c.ts +2 more (5 ms)',
    ]);
  });

  it('build problem: file:line:col: message, then the code frame', () => {
    const lines = log([{ type: 'problem', problem: buildProblem() }]);
    expect(lines[0]).toBe('app/routes/index.tsx:3:7: Expected ";" but found "}"');
    expect(lines[1]).toContain('build error');
    expect(lines.slice(2)).toEqual(['    2 | const a = 1', '  > 3 | let b = }', '      |       ^']);
  });

  it('runtime problem: where it happened and the stack', () => {
    const lines = log([{ type: 'problem', problem: runtimeProblem() }]);
    expect(lines[0]).toBe('app/components/Counter.tsx:12:5: Cannot read properties of undefined (reading "name")');
    expect(lines[1]).toBe('  (runtime error in click handler)');
    expect(lines).toContain('  > 12 |   user.name');
    expect(lines).toContain('      at onClick (app/components/Counter.tsx:12:5)');
  });

  it('a problem without a place and with a multi-line message', () => {
    const lines = log([{ type: 'problem', problem: buildProblem({ file: '', absFile: '', line: 0, column: 0, frame: '', message: 'Build failed\nsecond line' }) }]);
    expect(lines).toEqual(['error: Build failed', '  second line', '  (build error; the last good build keeps running)']);
  });

  it('clear prints only after a problem', () => {
    expect(log([{ type: 'clear' }])).toEqual([]);
    expect(log([{ type: 'problem', problem: buildProblem({ frame: '' }) }, { type: 'clear' }, { type: 'clear' }]).filter((l) => l === 'problem fixed')).toHaveLength(1);
  });

  it('reset, warn, restart, reload', () => {
    expect(
      log([
        { type: 'reset', component: 'Counter', file: 'app/routes/index.tsx', reason: 'its hooks changed' },
        { type: 'reset', component: '<Form>', file: 'app/form.tsx', reason: 'state shape changed' },
        { type: 'warn', message: 'useSignal called conditionally', component: 'Counter' },
        { type: 'warn', message: 'no routes found' },
        { type: 'restart', reason: 'vango.config.ts changed' },
        { type: 'reload', reason: 'layout changed' },
      ]),
    ).toEqual([
      'reset <Counter> (app/routes/index.tsx): its hooks changed',
      'reset <Form> (app/form.tsx): state shape changed',
      'warning: <Counter>: useSignal called conditionally',
      'warning: no routes found',
      'restarting: vango.config.ts changed',
      'reload: layout changed',
    ]);
  });

  it('sessions: one line per change, singular/plural', () => {
    expect(
      log([
        { type: 'sessions', count: 1 },
        { type: 'sessions', count: 1 },
        { type: 'sessions', count: 3 },
        { type: 'sessions', count: 0 },
      ]),
    ).toEqual(['1 session open', '3 sessions open', '0 sessions open']);
  });

  it('css events are silent (the update line covers them)', () => {
    expect(log([{ type: 'css', href: '/app.css' }])).toEqual([]);
  });

  it('no ANSI escapes without color, some with it', () => {
    const events: DevEvent[] = [{ type: 'ready', url: 'http://127.0.0.1:3000', ms: 1 }, { type: 'problem', problem: runtimeProblem() }];
    expect(log(events).join('\n')).not.toContain('\x1b[');
    const colored = log(events, true).join('\n');
    expect(colored).toContain('\x1b[');
    // The ready lines survive coloring intact, so a grep (or a test runner waiting for them) still matches.
    expect(colored).toContain('  Local:   http://127.0.0.1:3000\n');
    expect(colored).toContain('ready in 1 ms');
  });
});
