/** Runs the post-write steps (install, git) as child processes with their output captured. */
import { spawn } from 'node:child_process';

export interface StepResult {
  code: number;
  output: string;
}

/** Run `argv` in `cwd`; output is kept (and shown only when the step fails). */
export function runCaptured(argv: string[], cwd: string): Promise<StepResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // npm, pnpm and yarn are .cmd shims on Windows.
      shell: process.platform === 'win32',
      env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
    });
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', (err) => resolve({ code: 127, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
