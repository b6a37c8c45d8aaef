/** Whether `version` satisfies the semver `range`; null when the range is not understood. */
export function satisfiesRange(version: string, range: string): boolean | null;
/** The message to refuse this Node with, or null when it is supported (or the range is unknown). */
export function nodeVersionProblem(name: string, range: string | undefined, version: string, execPath?: string): string | null;
