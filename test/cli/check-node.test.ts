import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, satisfiesRange } from '../../bin/check-node.js';
import { repoRoot, runNode } from './spawn-cli.ts';

const engines = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

describe('satisfiesRange', () => {
  it.each([
    ['24.0.0', true],
    ['24.21.0', true],
    ['25.3.1', true],
    ['22.22.0', true],
    ['22.30.5', true],
    ['v22.22.1', true],
    ['22.21.9', false],
    ['22.12.0', false],
    ['23.11.0', false],
    ['20.20.2', false],
    ['18.0.0', false],
  ])('^22.22.0 || >=24 with %s -> %s', (version, expected) => {
    expect(satisfiesRange(version, '^22.22.0 || >=24')).toBe(expected);
  });

  it('handles the comparator forms engines ranges use', () => {
    expect(satisfiesRange('22.12.0', '>=22.12')).toBe(true);
    expect(satisfiesRange('22.11.9', '>=22.12')).toBe(false);
    expect(satisfiesRange('22.9.0', '>=20 <22.10')).toBe(true);
    expect(satisfiesRange('22.10.0', '>=20 <22.10')).toBe(false);
    expect(satisfiesRange('22.5.0', '>22')).toBe(false);
    expect(satisfiesRange('23.0.0', '>22')).toBe(true);
    expect(satisfiesRange('22.99.0', '<=22')).toBe(true);
    expect(satisfiesRange('23.0.0', '<=22')).toBe(false);
    expect(satisfiesRange('22.3.9', '~22.3.1')).toBe(true);
    expect(satisfiesRange('22.4.0', '~22.3.1')).toBe(false);
    expect(satisfiesRange('0.3.0', '^0.2.3')).toBe(false);
    expect(satisfiesRange('0.2.9', '^0.2.3')).toBe(true);
    expect(satisfiesRange('22.0.0', '22')).toBe(true);
    expect(satisfiesRange('22.7.1', '22.x')).toBe(true);
    expect(satisfiesRange('23.0.0', '22.x')).toBe(false);
    expect(satisfiesRange('22.7.1', '>=22.7.x')).toBe(true);
    expect(satisfiesRange('1.0.0', '*')).toBe(true);
    expect(satisfiesRange('24.1.0-pre', '>=24')).toBe(true);
  });

  it('answers null for ranges it does not understand, so the user is let through', () => {
    expect(satisfiesRange('22.0.0', '22.0.0 - 24.0.0')).toBeNull();
    expect(satisfiesRange('22.0.0', 'lts/*')).toBeNull();
    expect(nodeVersionProblem('vango', 'lts/*', '10.0.0')).toBeNull();
  });
});

describe('nodeVersionProblem', () => {
  it('explains what is needed and what was found', () => {
    const msg = nodeVersionProblem('vango', engines, '20.20.2', '/usr/bin/node');
    expect(msg).toContain(`vango needs Node ${engines}`);
    expect(msg).toContain('Node 20.20.2 (/usr/bin/node)');
  });

  it('accepts the Node running the tests (the one the repo pins)', () => {
    expect(nodeVersionProblem('vango', engines, process.versions.node)).toBeNull();
  });
});

// The real guard, end to end, with whatever old Node the machine has (Debian's system Node 20 here).
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p) && p !== process.execPath);
const systemNodeVersion = systemNode ? execFileSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() : '';
const oldNode = systemNode && satisfiesRange(systemNodeVersion, engines) === false ? systemNode : undefined;

describe.skipIf(!oldNode)(`bin shims on an unsupported Node (${oldNode ?? 'none installed'})`, () => {
  it.each(['bin/vango.js', 'bin/create-vango.js'])('%s refuses clearly', (bin) => {
    const r = runNode(bin, ['--version'], { node: oldNode });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`needs Node ${engines}, but it was started with Node ${systemNodeVersion}`);
  });
});
