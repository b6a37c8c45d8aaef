/**
 * The dev server's events as plain log lines, for pipes, CI logs and `--no-dashboard`. The line shapes
 * are a contract (people grep them and tools wait for "ready in"), so change them deliberately.
 */
import { ansi, colorEnabled } from '../../commands/color.ts';
import type { DevEvent, DevProblem } from '../events.ts';
import { fileList, location, resetLine, sessionsLine, updateLabel, warnLine } from './format.ts';
import { displayUrls, type DisplayUrls } from './urls.ts';

export interface PlainLogOptions {
  /** ANSI colors; defaults to what {@link colorEnabled} says about process.stdout. */
  color?: boolean;
  /** Expands a wildcard listen address into localhost + LAN addresses (tests inject it). */
  urls?: (url: string) => DisplayUrls;
}

export interface PlainLog {
  push(e: DevEvent): void;
}

/** `write` receives one line at a time, without the trailing newline. */
export function createPlainLog(write: (line: string) => void, options: PlainLogOptions = {}): PlainLog {
  const color = options.color ?? colorEnabled(process.stdout);
  const urls = options.urls ?? displayUrls;
  const style = (f: (s: string) => string) => (s: string) => (color ? f(s) : s);
  const bold = style(ansi.bold);
  const dim = style(ansi.dim);
  const red = style(ansi.red);
  const cyan = style(ansi.cyan);
  let problemShown = false;
  let sessions = -1;

  const lines = (text: string, indent: string, paint: (s: string) => string): void => {
    for (const l of text.replace(/\s+$/, '').split('\n')) write(paint(indent + l));
  };

  const problem = (p: DevProblem): void => {
    const [first = '', ...rest] = p.message.split('\n');
    const loc = location(p);
    const kind = p.kind === 'build' ? 'build error' : 'runtime error';
    write(red(loc ? `${loc}: ${first}` : `error: ${first}`));
    if (rest.length > 0) lines(rest.join('\n'), '  ', (s) => s);
    write(dim(`  (${kind}${p.where ? ` in ${p.where}` : ''}${p.kind === 'build' ? '; the last good build keeps running' : ''})`));
    if (p.frame) lines(p.frame, '  ', dim);
    if (p.kind === 'runtime' && p.stack) lines(p.stack, '  ', dim);
  };

  return {
    push(e) {
      switch (e.type) {
        case 'ready': {
          const u = urls(e.url);
          write('');
          write(`  ${bold(cyan('vango dev'))}  ready in ${Math.round(e.ms)} ms`);
          write('');
          // Never colored: scripts and test runners wait for this exact text, FORCE_COLOR or not.
          write(`  Local:   ${u.local}`);
          for (const n of u.network) write(`  Network: ${n}`);
          write('');
          return;
        }
        case 'update':
          write(`${updateLabel(e.what)} ${fileList(e.files)} (${Math.round(e.ms)} ms)`);
          return;
        case 'css':
          // The matching 'update' line already says which stylesheet changed.
          return;
        case 'problem':
          problemShown = true;
          problem(e.problem);
          return;
        case 'clear':
          if (problemShown) write('problem fixed');
          problemShown = false;
          return;
        case 'reset':
          write(resetLine(e));
          return;
        case 'warn':
          write(warnLine(e));
          return;
        case 'sessions':
          if (e.count !== sessions) write(sessionsLine(e.count));
          sessions = e.count;
          return;
        case 'restart':
          write(`restarting: ${e.reason}`);
          return;
        case 'reload':
          write(`reload: ${e.reason}`);
          return;
        default: {
          // A newer server may send events this log does not know yet; they are not worth crashing for.
          const unknown: { type: string } = e;
          write(dim(`(${unknown.type})`));
        }
      }
    },
  };
}

