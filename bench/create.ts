/**
 * `create-vango` to the first page: scaffold the todo template with its install (npm, warm cache,
 * `vango` linked to this checkout), start `vango dev` in it, fetch `/`. Three runs.
 *
 * Run: `npx node bench/create.ts` (needs `npm run build` first: it runs the CLIs from dist).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, startDev } from '../test/helpers/dev-server.ts';
import { isMain } from './lib/measure.ts';

export async function runCreateBench(): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-create-'));
    try {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(REPO, 'bin', 'create-vango.js'), 'app', '--template', 'todo', '--yes', '--no-git'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1' } });
      if (r.status !== 0) throw new Error(`create-vango failed:\n${r.stdout}${r.stderr}`);
      const created = performance.now();
      const dev = await startDev(join(dir, 'app'));
      await (await fetch(dev.url)).text();
      const served = performance.now();
      await dev.stop();
      rows.push({ run: i + 1, 'scaffold + install (ms)': Math.round(created - t0), 'vango dev to first page (ms)': Math.round(served - created), 'total (ms)': Math.round(served - t0) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

if (isMain(import.meta.url)) console.table(await runCreateBench());
