/**
 * `vango dev`: cold start and the edit loop, on the todo template.
 *
 * - cold start: from spawning `vango dev` to the first page answered (5 runs).
 * - edit → patch: a page is open in Chromium; each of 30 edits rewrites the `<h1>` text of the page's
 *   source file on disk; the figure is from just before the write to the moment a MutationObserver in
 *   the page sees the new text (both clocks are the machine's wall clock). Budget: p50 ≤ 50 ms.
 *
 * Run: `npx node bench/dev.ts` (needs `npm run build` first: it runs the CLI from dist).
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, startDev } from '../test/helpers/dev-server.ts';
import { scaffold, type ScaffoldedApp } from '../test/templates/scaffold.ts';
import { isMain, percentile } from './lib/measure.ts';

/** The todo template, scaffolded by the real create-vango; `vango` linked (dev needs nothing else installed). */
async function todoApp(): Promise<ScaffoldedApp> {
  const app = await scaffold('todo');
  mkdirSync(join(app.dir, 'node_modules'), { recursive: true });
  symlinkSync(REPO, join(app.dir, 'node_modules', 'vango'), 'dir');
  return app;
}

/** The home page's route file (else the first) with a literal `<h1>text</h1>`. */
function headingFile(root: string): { file: string; source: string } {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []));
  const files = walk(join(root, 'app', 'routes')).sort((a, b) => Number(b.endsWith('/routes/index.tsx')) - Number(a.endsWith('/routes/index.tsx')) || a.localeCompare(b));
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (/<h1[^>]*>[^<{]+<\/h1>/.test(source)) return { file, source };
  }
  throw new Error('no route file with a literal <h1> in the todo template');
}

export async function runDevBench(): Promise<Record<string, unknown>[]> {
  const app = await todoApp();
  const root = app.dir;
  const rows: Record<string, unknown>[] = [];
  try {
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.timeOrigin + performance.now();
      const dev = await startDev(root);
      const res = await fetch(dev.url);
      await res.text();
      starts.push(performance.timeOrigin + performance.now() - t0);
      await dev.stop();
    }
    rows.push({ figure: 'cold start to first page (ms)', p50: Math.round(percentile(starts, 50)), min: Math.round(Math.min(...starts)), max: Math.round(Math.max(...starts)) });

    const dev = await startDev(root);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(dev.url);
      await page.waitForFunction(() => document.documentElement.classList.contains('vango-connected'));
      await page.evaluate(() => {
        const w = window as unknown as { __seen: Record<string, number> };
        w.__seen = {};
        new MutationObserver(() => {
          const t = document.querySelector('h1')?.textContent ?? '';
          if (t.startsWith('Edit ') && !(t in w.__seen)) w.__seen[t] = performance.timeOrigin + performance.now();
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const { file, source } = headingFile(root);
      const lat: number[] = [];
      for (let i = 0; i < 30; i++) {
        const text = `Edit ${i}`;
        const next = source.replace(/(<h1[^>]*>)[^<{]+(<\/h1>)/, `$1${text}$2`);
        const t0 = performance.timeOrigin + performance.now();
        writeFileSync(file, next);
        await page.waitForFunction((t) => t in (window as unknown as { __seen: Record<string, number> }).__seen, text, { timeout: 10_000, polling: 5 });
        const seen = await page.evaluate((t) => (window as unknown as { __seen: Record<string, number> }).__seen[t]!, text);
        lat.push(seen - t0);
        // Let the watcher settle so edits do not coalesce.
        await new Promise((r) => setTimeout(r, 60));
      }
      rows.push({ figure: 'edit → patch applied (ms, 30 edits)', p50: +percentile(lat, 50).toFixed(1), p95: +percentile(lat, 95).toFixed(1), min: +Math.min(...lat).toFixed(1), max: +Math.max(...lat).toFixed(1), budget: 'p50 ≤ 50' });
    } finally {
      await browser.close();
      await dev.stop();
    }
  } finally {
    app.remove();
  }
  return rows;
}

if (isMain(import.meta.url)) console.table(await runDevBench());
