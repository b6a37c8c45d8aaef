/** Minimal stream shape; process.stdout/stderr fit it. */
export interface ColorStream {
  isTTY?: boolean;
  hasColors?(): boolean;
}

/**
 * Whether to write ANSI colors to `stream`. NO_COLOR (https://no-color.org) wins, then
 * FORCE_COLOR, then a color-capable terminal; pipes, files and CI logs get plain text.
 */
export function colorEnabled(stream: ColorStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && stream.hasColors?.() === true;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

/** Unconditional ANSI styles: check colorEnabled first (commander strips them itself in help). */
export const ansi = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  cyan: wrap(36, 39),
} as const;
