// The one test command (`npm test`, and what CI runs). Extra args go to vitest:
// `npm test -- test/cli` or `npm test -- -t "parses"`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot, repoRoot, tools } from './paths.ts';
import { run } from './run.ts';
import { staleReason } from './stale.ts';
import { ensureSystemPackage } from './system-deps.ts';
import type { SystemPackage } from './system-deps.ts';
import { countTests, formatCounts } from './vitest-summary.ts';

/** Needed by the end-to-end tests. Add postgresql, nats-server... here the same way. */
const systemPackages: SystemPackage[] = [{ bin: '/usr/bin/chromium', apt: 'chromium' }];

async function ensureSystemDeps(): Promise<boolean> {
  if (process.env.VANGO_SKIP_SYSTEM_DEPS === '1') {
    console.log('test: VANGO_SKIP_SYSTEM_DEPS=1, not checking system packages');
    return true;
  }
  let ok = true;
  for (const pkg of systemPackages) {
    const result = await ensureSystemPackage(pkg);
    if (!result.ok) {
      console.error(`test: missing system package ${pkg.apt}: ${result.message}`);
      ok = false;
    }
  }
  if (!ok) console.error('test: (set VANGO_SKIP_SYSTEM_DEPS=1 to run the tests anyway)');
  return ok;
}

async function ensureBuilt(): Promise<boolean> {
  const reason = staleReason();
  if (reason === null) return true;
  console.log(`test: building first (${reason})`);
  const { code } = await run(process.execPath, [fromRoot('scripts', 'build.ts')], { cwd: repoRoot });
  if (code !== 0) console.error('test: the build failed, so no test was run. Fix it with `npm run build`.');
  return code === 0;
}

async function runVitest(args: readonly string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vango-test-'));
  const reportFile = join(dir, 'vitest.json');
  try {
    const { code } = await run(
      process.execPath,
      [tools.vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...args],
      { cwd: repoRoot },
    );
    let report: unknown;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8'));
    } catch {
      console.error(`test: vitest exited with code ${code} and wrote no report, so there is nothing to count.`);
      return code === 0 ? 1 : code;
    }
    const counts = countTests(report as Parameters<typeof countTests>[0]);
    if (code !== 0 && counts.failed === 0) {
      console.error(`test: vitest exited with code ${code} without a failing test (an unhandled error, or no test found); see above.`);
    }
    console.log(formatCounts(counts));
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (!(await ensureSystemDeps())) return 1;
  if (!(await ensureBuilt())) return 1;
  return runVitest(process.argv.slice(2));
}

process.exitCode = await main();
