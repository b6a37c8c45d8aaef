/**
 * Progress for a long step on stderr: a spinner with the step and its elapsed time on a terminal,
 * plain start/end lines otherwise (CI logs, pipes).
 */

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  /** End the step: `ok` prints a check mark (or "done"), otherwise a cross (or "failed"). */
  stop(ok: boolean, note?: string): void;
}

export function startStep(text: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  if (!stream.isTTY) {
    stream.write(`${text}...\n`);
    return { stop: (ok, note) => void stream.write(`${ok ? 'done' : 'failed'}: ${text} (${secs()})${note ? ` ${note}` : ''}\n`) };
  }
  let i = 0;
  const draw = () => stream.write(`\r\x1b[2K${FRAMES[i++ % FRAMES.length]} ${text} ${secs()}`);
  draw();
  const timer = setInterval(draw, 80);
  return {
    stop(ok, note) {
      clearInterval(timer);
      stream.write(`\r\x1b[2K${ok ? '✔' : '✖'} ${text} (${secs()})${note ? ` ${note}` : ''}\n`);
    },
  };
}
