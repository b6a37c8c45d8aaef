/**
 * `vango build` time: `npx node bench/build.ts`. Builds test/fixtures/build-app and templates/todo
 * (copies in a temp folder, `vango` linked to this checkout) with the real CLI, several times each,
 * and prints the median and fastest wall time of the whole command (Node start-up included) and the
 * build's own time as the command reports it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'bin', 'vango.js');

export interface BuildTiming {
  app: string;
  runs: number;
  /** Wall time of `vango build`, ms. */
  medianMs: number;
  minMs: number;
  /** The build's own time (printed by the command), ms. */
  buildMedianMs: number;
  distKB: number;
}

function copy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vango-bench-build-'));
  cpSync(from, dir, { recursive: true, filter: (src) => !/[\\/](\.vango|dist|node_modules|data)$/.test(src) });
  const fill = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) fill(p);
      else if (/\.(tsx?|json|css)$/.test(e.name)) writeFileSync(p, readFileSync(p, 'utf8').replaceAll('{{name}}', 'bench-app').replaceAll('{{vango}}', `file:${repo}`));
    }
  };
  fill(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repo, join(dir, 'node_modules', 'vango'), 'dir');
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeBuild(name: string, source: string, runs: number): BuildTiming {
  const dir = copy(source);
  try {
    const wall: number[] = [];
    const own: number[] = [];
    let distKB = 0;
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [bin, 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`vango build of ${name} failed:\n${r.stdout}${r.stderr}`);
      if (i === 0) continue; // warm-up: the OS file cache, esbuild's binary
      wall.push(ms);
      const m = / in (\d+) ms/.exec(r.stdout);
      if (m) own.push(Number(m[1]));
      const kb = /written \(([\d.]+) kB\)/.exec(r.stdout);
      if (kb) distKB = Number(kb[1]);
    }
    return { app: name, runs, medianMs: Math.round(median(wall)), minMs: Math.round(Math.min(...wall)), buildMedianMs: own.length ? median(own) : NaN, distKB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runBuildBench(runs = 5): Promise<BuildTiming[]> {
  if (!existsSync(join(repo, 'dist', 'commands', 'cli.js'))) throw new Error('vango is not built: run `npm run build` first');
  const apps: Array<[string, string]> = [['test/fixtures/build-app', join(repo, 'test', 'fixtures', 'build-app')]];
  const todo = join(repo, 'templates', 'todo');
  if (existsSync(join(todo, 'package.json'))) apps.push(['templates/todo', todo]);
  const out = apps.map(([name, dir]) => timeBuild(name, dir, runs));
  for (const r of out) {
    console.log(`vango build ${r.app}: median ${r.medianMs} ms wall (min ${r.minMs} ms, ${r.runs} runs), build itself ${r.buildMedianMs} ms, dist ${r.distKB} kB`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runBuildBench();
