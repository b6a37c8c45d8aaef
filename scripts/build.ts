// Builds the published package: tsc (src -> dist, with .d.ts and maps), then the browser
// client bundle, then plain assets. Wired as `npm run build` and as `prepare` (so `npm ci` builds).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildStamp, fromRoot, repoRoot, tools } from './paths.ts';
import { run } from './run.ts';

const distDir = fromRoot('dist');
const srcDir = fromRoot('src');
const clientEntry = fromRoot('src', 'client', 'index.ts');
const clientOut = fromRoot('dist', 'client', 'vango.js');
const devClientEntry = fromRoot('src', 'dev', 'client', 'index.ts');
const devClientOut = fromRoot('dist', 'dev', 'client.js');

const log = (msg: string): void => console.log(`build: ${msg}`);
const secs = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)}s`;
const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

async function compile(): Promise<boolean> {
  const t = performance.now();
  const { code } = await run(process.execPath, [tools.tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot });
  if (code !== 0) {
    console.error(`build: tsc failed (exit ${code}); its errors are above.`);
    return false;
  }
  log(`tsc ok (${secs(t)})`);
  return true;
}

async function bundleClient(): Promise<void> {
  if (!existsSync(clientEntry)) {
    log('no src/client/index.ts yet, client bundle skipped');
    return;
  }
  const t = performance.now();
  // Loaded lazily: esbuild's native binary is only needed once a client exists.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [clientEntry],
    outfile: clientOut,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const raw = readFileSync(clientOut);
  log(`client ${relative(repoRoot, clientOut)} ${kB(raw.length)} raw, ${kB(gzipSync(raw, { level: 9 }).length)} gzip (${secs(t)})`);
}

/** The `vango dev` browser script (overlay, css swap); unminified, it only runs in development. */
async function bundleDevClient(): Promise<void> {
  if (!existsSync(devClientEntry)) return;
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [devClientEntry],
    outfile: devClientOut,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
  log(`dev client ${relative(repoRoot, devClientOut)} ${kB(readFileSync(devClientOut).length)}`);
}

/** Files under src that tsc does not emit (css, html, json...) are copied next to the JS. */
function isAsset(name: string): boolean {
  return !name.startsWith('.') && !/\.(ts|tsx|mts|cts)$/.test(name);
}

function copyAssets(dir = srcDir): number {
  let copied = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const from = join(dir, entry.name);
    if (entry.isDirectory()) {
      copied += copyAssets(from);
    } else if (entry.isFile() && isAsset(entry.name)) {
      const to = join(distDir, relative(srcDir, from));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      copied++;
    }
  }
  return copied;
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const t = performance.now();
  rmSync(distDir, { recursive: true, force: true });
  rmSync(buildStamp, { force: true });
  if (!(await compile())) return 1;
  try {
    await bundleClient();
    await bundleDevClient();
  } catch (err) {
    // esbuild has already printed its diagnostics.
    console.error(`build: client bundle failed: ${(err as Error).message.split('\n')[0]}`);
    return 1;
  }
  const assets = copyAssets();
  if (assets > 0) log(`copied ${assets} asset file(s)`);
  mkdirSync(dirname(buildStamp), { recursive: true });
  writeFileSync(buildStamp, JSON.stringify({ startedAt }) + '\n');
  log(`done in ${secs(t)}`);
  return 0;
}

process.exitCode = await main();
