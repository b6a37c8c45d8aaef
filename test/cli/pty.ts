// Runs a command in a pseudo-terminal through util-linux `script`, so the program sees a TTY and
// keystrokes can be typed into it (prompts, Ctrl-C).
import { spawn } from 'node:child_process';

export interface Pty {
  /** Everything the program printed so far, without ANSI escapes. */
  output(): string;
  /** Resolves once the output matches `pattern` (rejects after `timeout` ms with what was seen). */
  waitFor(pattern: RegExp | string, timeout?: number): Promise<void>;
  /** Type raw keys (`'\r'` Enter, `'\x1b[B'` down, `'\x03'` Ctrl-C). */
  type(keys: string): void;
  /** The program's exit code. */
  readonly exit: Promise<number | null>;
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>78]/g;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function spawnPty(argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Pty {
  // A real size, so prompts lays out its lines instead of wrapping at column 0.
  const cmd = `stty cols 120 rows 40; exec ${argv.map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
    cwd: opts.cwd,
    env: { ...process.env, TERM: 'xterm', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString('utf8');
    for (const w of waiters) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const text = () => out.replace(ANSI, '');
  return {
    output: text,
    exit,
    type: (keys) => void child.stdin.write(keys),
    waitFor(pattern, timeout = 10_000) {
      const hit = () => (typeof pattern === 'string' ? text().includes(pattern) : pattern.test(text()));
      return new Promise((resolve, reject) => {
        if (hit()) return resolve();
        const check = () => {
          if (!hit()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          child.kill();
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${text()}`));
        }, timeout);
        waiters.add(check);
      });
    },
  };
}
