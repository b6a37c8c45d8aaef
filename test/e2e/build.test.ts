/**
 * The production path end to end: `vango build` an app (the todo template, and the build fixture),
 * copy only `dist/` and a package.json with production dependencies into a clean folder (`vango`
 * installed from this checkout as `file:`, i.e. a link, as npm does), run `node dist/server.js` there
 * and use the page in Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTmpBase, copyApp, copyTemplate, ensureBuiltForApps, type AppCopy } from '../cli/app-copy.ts';
import { repoRoot, runNode } from '../cli/spawn-cli.ts';
import { launch, waitStatus } from './browser.ts';
import { servedUrl } from '../helpers/served-url.ts';

const todoTemplate = join(repoRoot, 'templates', 'todo');
const hasTodo = existsSync(join(todoTemplate, 'package.json'));

interface Deployed {
  dir: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Build `app`, then deploy only dist/ + package.json (production deps) to a clean folder and start it. */
async function buildAndDeploy(app: AppCopy): Promise<Deployed> {
  const build = runNode(join(repoRoot, 'bin', 'vango.js'), ['build'], { cwd: app.dir });
  if (build.code !== 0) throw new Error(`vango build failed:\n${build.stdout}\n${build.stderr}`);
  const dir = mkdtempSync(join(cleanTmpBase(), 'vango-deploy-'));
  cpSync(join(app.dir, 'dist'), join(dir, 'dist'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(app.dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'deployed', private: true, type: 'module', dependencies: { ...pkg.dependencies, vango: `file:${repoRoot}` } }, null, 2));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot, join(dir, 'node_modules', 'vango'), 'dir');
  const child = spawn(process.execPath, ['dist/server.js'], { cwd: dir, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await servedUrl(child);
  return {
    dir,
    url,
    child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let browser: Browser;
const apps: AppCopy[] = [];
const deployed: Deployed[] = [];

beforeAll(async () => {
  ensureBuiltForApps();
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const d of deployed) await d.stop();
  for (const a of apps) a.remove();
});

/** A page that records CSP violations and page errors. */
async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  // Chromium asks for /favicon.ico on its own; any other failed request or console error is a problem.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await waitStatus(page, 'connected', 10_000);
  return { page, problems };
}

describe('built fixture app in a clean folder', () => {
  let d: Deployed;

  beforeAll(async () => {
    const app = copyApp();
    apps.push(app);
    d = await buildAndDeploy(app);
    deployed.push(d);
  }, 60_000);

  it('holds only dist/, package.json and node_modules', () => {
    expect(readdirSync(d.dir).sort()).toEqual(['dist', 'node_modules', 'package.json']);
  });

  it('goes live in Chromium under the production CSP and counts clicks', async () => {
    const { page, problems } = await openPage(d.url);
    // The app's hooks bundle ran (served from /assets under the CSP) and mounted its hook.
    await page.waitForSelector('h1[data-hooked="yes"]', { timeout: 5_000 });
    await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === 'Count: 1');
    await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === 'Count: 2');
    // The stylesheet from public/ loaded and parsed (CSP allows 'self').
    expect(await page.evaluate(() => [...document.styleSheets].find((s) => s.href?.endsWith('/style.css'))?.cssRules.length)).toBe(40);
    await page.click('text=About');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'About');
    expect(new URL(page.url()).pathname).toBe('/about');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.runIf(hasTodo)('built todo template in a clean folder', () => {
  let d: Deployed;

  beforeAll(async () => {
    const app = copyTemplate('todo');
    apps.push(app);
    d = await buildAndDeploy(app);
    deployed.push(d);
  }, 60_000);

  it('adds, completes and removes a todo in Chromium', async () => {
    const { page, problems } = await openPage(d.url);
    await page.fill('input[name=title]', 'Buy milk');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => [...document.querySelectorAll('.todo-list li span')].some((s) => s.textContent === 'Buy milk'));
    await page.waitForFunction(() => document.querySelector('.count')?.textContent?.trim() === '1 item left');
    await page.click('.todo-list li input[type=checkbox]');
    await page.waitForFunction(() => document.querySelector('.count')?.textContent?.trim() === '0 items left');
    await page.click('button[aria-label="remove Buy milk"]');
    await page.waitForFunction(() => document.querySelectorAll('.todo-list li').length === 0);
    expect(problems).toEqual([]);
    // The store wrote its SQLite file next to the deployed server, not in the source folder.
    expect(existsSync(join(d.dir, 'data'))).toBe(true);
    await page.close();
  });
});
