/**
 * The size budget of the thin client: 8 KB min+gzip, protocol codec included.
 */
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { buildClient } from '../../../bench/client-size.ts';

const BUDGET = 8192;

it(`the built client stays within ${BUDGET} bytes min+gzip`, async () => {
  const { code } = await buildClient();
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`client bundle: ${code.length} B minified, ${gzip} B gzip (budget ${BUDGET} B)`);
  expect(code.length).toBeGreaterThan(1000);
  expect(gzip).toBeLessThanOrEqual(BUDGET);
});
