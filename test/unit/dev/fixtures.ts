/** Shared dev events for the terminal and browser tests. */
import type { DevProblem } from '../../../src/dev/events.ts';

export const buildProblem = (over: Partial<DevProblem> = {}): DevProblem => ({
  kind: 'build',
  message: 'Expected ";" but found "}"',
  file: 'app/routes/index.tsx',
  absFile: '/srv/app/app/routes/index.tsx',
  line: 3,
  column: 7,
  frame: '  2 | const a = 1\n> 3 | let b = }\n    |       ^',
  ...over,
});

export const runtimeProblem = (over: Partial<DevProblem> = {}): DevProblem => ({
  kind: 'runtime',
  message: 'Cannot read properties of undefined (reading "name")',
  file: 'app/components/Counter.tsx',
  absFile: '/srv/app/app/components/Counter.tsx',
  line: 12,
  column: 5,
  frame: '> 12 |   user.name',
  stack: 'TypeError: Cannot read properties of undefined\n    at onClick (app/components/Counter.tsx:12:5)',
  where: 'click handler',
  ...over,
});
