/**
 * Placeholder result for a command whose implementation has not landed yet: says so on stderr
 * and yields exit code 2, so scripts never mistake it for success.
 */
export function notImplemented(command: string): number {
  process.stderr.write(`vango ${command}: not implemented yet\n`);
  return 2;
}
