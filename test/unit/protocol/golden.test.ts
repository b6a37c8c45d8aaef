import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeClientFrame } from '../../../src/runtime/protocol/decode-c2s.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { encodeCase, goldenCases } from './golden-cases.ts';
import { fromHex, toHex } from './hex.ts';

// Read eagerly: a missing or unreadable fixture fails the file; the test never writes it.
const fixture: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../fixtures/protocol/golden.json', import.meta.url), 'utf8'),
);

describe('golden vectors', () => {
  it('fixture and cases name the same messages', () => {
    expect(Object.keys(fixture).sort()).toEqual(goldenCases.map((c) => c.name).sort());
  });

  it.each(goldenCases.map((c) => [c.name, c] as const))('%s: encode matches the pinned bytes', (name, c) => {
    expect(fixture[name], `fixture has no entry ${name}`).toBeTypeOf('string');
    expect(toHex(encodeCase(c))).toBe(fixture[name]);
  });

  it.each(goldenCases.map((c) => [c.name, c] as const))('%s: decode of the pinned bytes gives the message', (name, c) => {
    const bytes = fromHex(fixture[name] ?? '');
    const r = c.dir === 'c2s' ? decodeClientFrame(bytes) : decodeServerFrame(bytes);
    expect(r).toEqual({ ok: true, value: c.frame });
  });
});
