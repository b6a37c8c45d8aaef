// What every vango program (the `vango` CLI and `create-vango`) shares: output, colors,
// error hints and exit-code handling.
import { Command, CommanderError } from 'commander';
import { ansi, colorEnabled } from './color.ts';
import { readPackageInfo } from './package-info.ts';

/** Thrown by a command to end the program with `exitCode` (its message, if any, is printed). */
export class CliExit extends Error {
  readonly exitCode: number;

  constructor(exitCode: number, message = '') {
    super(message);
    this.name = 'CliExit';
    this.exitCode = exitCode;
  }
}

/** What a command's implementation returns: an exit code, or nothing for success. */
export type CommandResult = number | void;

/** Adapts a command implementation to a commander action: a non-zero result ends the program. */
export function handle<A extends unknown[]>(fn: (...args: A) => CommandResult | Promise<CommandResult>) {
  return async (...args: A): Promise<void> => {
    const code = await fn(...args);
    if (typeof code === 'number' && code !== 0) throw new CliExit(code);
  };
}

/** A root program with our output conventions and the package version as `-v, --version`. */
export function createBaseProgram(name: string, description: string): Command {
  const program = new Command(name)
    .description(description)
    .version(readPackageInfo().version, '-v, --version', 'print the version')
    .configureOutput({
      getOutHasColors: () => colorEnabled(process.stdout),
      getErrHasColors: () => colorEnabled(process.stderr),
      outputError: (str, write) => write(colorEnabled(process.stderr) ? `${ansi.red(str.trimEnd())}\n` : str),
    })
    .configureHelp({ styleTitle: ansi.bold, styleCommandText: ansi.cyan, styleSubcommandText: ansi.cyan })
    // Subcommands own everything after their name (needed for `vango test` pass-through).
    .enablePositionalOptions()
    // Errors end the parse by throwing, so runProgram decides the exit code, never commander.
    .exitOverride();
  return program;
}

/** Points every usage error at the right `--help`; call after all subcommands are registered. */
export function addHelpHints(program: Command): void {
  program.showHelpAfterError(`Run '${program.name()} --help' for usage.`);
  for (const sub of program.commands) {
    sub.showHelpAfterError(`Run '${program.name()} ${sub.name()} --help' for usage.`);
  }
}

/** Parses `argv` (process.argv form) and runs the chosen command; resolves to the exit code. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    // Commander has already printed its message (or the help/version text).
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliExit) {
      if (err.message) process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    const detail = process.env.VANGO_DEBUG ? (err as Error)?.stack : (err as Error)?.message;
    const text = `${program.name()}: ${detail ?? String(err)}`;
    process.stderr.write(`${colorEnabled(process.stderr) ? ansi.red(text) : text}\n`);
    if (!process.env.VANGO_DEBUG) process.stderr.write('(set VANGO_DEBUG=1 for the stack trace)\n');
    return 1;
  }
}
