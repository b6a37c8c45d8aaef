import { describe, expect, it } from 'vitest';
import { buildProblem, runtimeProblem } from '../../../src/dev/server/problems.ts';
import { BuildFailure, type Diagnostic } from '../../../src/toolchain/diagnostics.ts';

const diag = (file: string, line: number, message: string): Diagnostic => ({ message, file, absFile: `/app/${file}`, line, column: 3, frame: `> ${line} | x` });

describe('dev problems', () => {
  it('a build failure is placed at its first diagnostic and lists the others', () => {
    const p = buildProblem(new BuildFailure([diag('app/a.tsx', 4, 'Expected ")"'), diag('app/b.ts', 9, 'No matching export')]));
    expect(p).toMatchObject({ kind: 'build', file: 'app/a.tsx', line: 4, column: 3, absFile: '/app/app/a.tsx', frame: '> 4 | x' });
    expect(p.message).toBe('Expected ")"\n\n1 more:\napp/b.ts:9:3: No matching export');
    expect(buildProblem(new BuildFailure([diag('app/a.tsx', 4, 'one')])).message).toBe('one');
  });

  it('a runtime error is placed at its first frame inside the app, without version queries', () => {
    const err = new Error('kaboom');
    err.stack = ['Error: kaboom', '    at run (/repo/dist/runtime/vdom/component.js:10:5)', '    at Page (file:///app/app/routes/index.tsx?v=3:7:9)', '    at x (/app/node_modules/lib/index.js:1:1)'].join('\n');
    const p = runtimeProblem(err, '/app', 'click handler');
    expect(p).toMatchObject({ kind: 'runtime', message: 'Error: kaboom', file: 'app/routes/index.tsx', line: 7, column: 9, where: 'click handler' });
    expect(p.stack).not.toContain('?v=');
    expect(runtimeProblem('plain', '/app').file).toBe('');
  });
});
