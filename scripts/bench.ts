// `npm run bench [-- name...]`: runs every exported `run*Bench` function of every bench/*.ts
// module, in file order, one at a time (figures from parallel runs would be meaningless).
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from './paths.ts';

const benchDir = fromRoot('bench');
const benchExport = /^run[A-Za-z0-9_]*Bench$/;

interface Outcome {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
}

/** bench/*.ts files, optionally only those whose name contains one of `filters`. */
function benchFiles(names: readonly string[], filters: readonly string[]): string[] {
  return names
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)))
    .sort();
}

function printResult(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string') console.log(value);
  else if (Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null)) console.table(value);
  else console.dir(value, { depth: 4 });
}

async function runOne(name: string, fn: () => unknown): Promise<Outcome> {
  console.log(`\n=== ${name} ===`);
  const t = performance.now();
  try {
    printResult(await fn());
    return { name, status: 'ok', ms: performance.now() - t };
  } catch (err) {
    console.error(`${name} threw:`, err);
    return { name, status: 'failed', ms: performance.now() - t };
  }
}

async function main(): Promise<number> {
  const files = benchFiles(readdirSync(benchDir), process.argv.slice(2));
  if (files.length === 0) {
    console.error(`bench: no bench/*.ts file${process.argv.length > 2 ? ' matches ' + process.argv.slice(2).join(' ') : ''}`);
    return 1;
  }
  const outcomes: Outcome[] = [];
  for (const file of files) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(fromRoot('bench', file)).href)) as Record<string, unknown>;
    } catch (err) {
      console.error(`\nbench/${file} failed to load:`, err);
      outcomes.push({ name: `bench/${file}`, status: 'failed', ms: 0 });
      continue;
    }
    const fns = Object.entries(mod).filter(([k, v]) => benchExport.test(k) && typeof v === 'function');
    if (fns.length === 0) outcomes.push({ name: `bench/${file} (exports no run*Bench function)`, status: 'skipped', ms: 0 });
    for (const [key, fn] of fns) outcomes.push(await runOne(`bench/${file} ${key}`, fn as () => unknown));
  }

  console.log('\n=== summary ===');
  for (const o of outcomes) console.log(`${o.status.padEnd(7)} ${(o.ms / 1000).toFixed(1).padStart(6)}s  ${o.name}`);
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const ran = outcomes.filter((o) => o.status !== 'skipped').length;
  console.log(`${ran} benchmark(s) run, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
