/**
 * The templates end to end: scaffold with the real create-vango, install against this checkout, start
 * `vango dev`, check the server-rendered HTML, then use each app in Chromium. The todo run goes through
 * create-vango's own install and reports the time from its start to the first page served.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from '../cli/fresh-build.ts';
import { REPO, childEnv, install, run, scaffold, type ScaffoldedApp } from '../templates/scaffold.ts';
import { startDev as startDevServer, type DevProcess } from '../helpers/dev-server.ts';
import { launch, waitStatus } from './browser.ts';

/** The app's own `vango dev` (node_modules/vango), on a free port. */
const startDev = (dir: string): Promise<DevProcess> =>
  startDevServer(dir, { bin: join(dir, 'node_modules', 'vango', 'bin', 'vango.js'), env: childEnv(), timeoutMs: 30_000 });

/** Scaffold `template`, install it and run its `vango dev` for the enclosing describe block. */
function servedTemplate(template: string): { readonly url: string } {
  let app: ScaffoldedApp | undefined;
  let dev: DevProcess | undefined;
  beforeAll(async () => {
    app = await scaffold(template);
    await install(app.dir);
    dev = await startDev(app.dir);
  }, 180_000);
  afterAll(async () => {
    await dev?.stop();
    app?.remove();
  });
  return {
    get url() {
      return dev!.url;
    },
  };
}

let browser: Browser;
beforeAll(async () => {
  await ensureFreshBuild();
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

async function openLive(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitStatus(page, 'connected', 10_000);
  return page;
}

describe('templates in the browser (vango dev)', () => {
  describe('todo', () => {
    let parent: string;
    let dev: DevProcess;
    let firstPageMs: number;
    let firstHtml: string;

    beforeAll(async () => {
      parent = mkdtempSync(join(tmpdir(), 'vango-e2e-todo-'));
      // The whole user flow, timed: create-vango (with its own install), vango dev, first page.
      const t0 = performance.now();
      const created = await run([process.execPath, join(REPO, 'bin', 'create-vango.js'), 'todo-app', '--template', 'todo', '--no-git'], parent, { timeout: 170_000 });
      if (created.code !== 0) throw new Error(`create-vango failed:\n${created.output}`);
      dev = await startDev(join(parent, 'todo-app'));
      const res = await fetch(`${dev.url}/`);
      firstHtml = await res.text();
      firstPageMs = performance.now() - t0;
      expect(res.status).toBe(200);
      console.log(`create-vango start → first page served: ${(firstPageMs / 1000).toFixed(1)} s (create + install ${(created.ms / 1000).toFixed(1)} s)`);
    }, 180_000);
    afterAll(async () => {
      await dev?.stop();
      if (parent) rmSync(parent, { recursive: true, force: true });
    });

    it('serves the page rendered on the server: layout, form, stylesheet', () => {
      expect(firstHtml).toMatch(/^<!DOCTYPE html>/i);
      expect(firstHtml).toContain('<title>Todos</title>');
      expect(firstHtml).toContain('<link rel="stylesheet" href="/app.css">');
      expect(firstHtml).toContain('<a href="/about">About</a>');
      expect(firstHtml).toContain('<h1>Todos</h1>');
      expect(firstHtml).toMatch(/<form class="new-todo" method="post"/);
      expect(firstHtml).toContain('0 items left');
      expect(firstPageMs).toBeGreaterThan(0);
    });

    it('adds a todo, validates the form, and the todo survives a reload (SQLite)', async () => {
      const page = await openLive(`${dev.url}/`);
      await page.click('.new-todo button[type=submit]');
      await page.waitForSelector('#title-error', { timeout: 10_000 });
      expect(await page.textContent('#title-error')).toBe('Write something to do.');

      await page.fill('input[name=title]', 'water the plants');
      await page.click('.new-todo button[type=submit]');
      await page.waitForSelector('.todo-list li >> text=water the plants', { timeout: 10_000 });
      expect(await page.textContent('.count')).toContain('1 item left');
      expect(await page.$('#title-error')).toBeNull();
      // The form is ready for the next one: the typed text is gone.
      await page.waitForFunction(() => (document.querySelector('input[name=title]') as HTMLInputElement).value === '', null, { timeout: 5_000 });

      await page.reload();
      await waitStatus(page, 'connected', 10_000);
      expect(await page.textContent('.todo-list')).toContain('water the plants');

      // Ticking it off is live too, and so is another browser's view of the list.
      const other = await openLive(`${dev.url}/`);
      await page.check('.todo-list li input[type=checkbox]');
      await other.waitForSelector('.todo-list li.done', { timeout: 10_000 });
      expect(await other.textContent('.count')).toContain('0 items left');
      await other.close();
      await page.close();
    }, 60_000);
  });

  describe('minimal', () => {
    const served = servedTemplate('minimal');

    it('serves the counter and counts in the browser', async () => {
      const html = await (await fetch(`${served.url}/`)).text();
      expect(html).toContain('<h1>minimal-app</h1>');
      expect(html).toContain('Count: <output>0</output>');
      const page = await openLive(`${served.url}/`);
      await page.click('button[aria-label=increment]');
      await page.click('button[aria-label=increment]');
      await page.waitForFunction(() => document.querySelector('output')?.textContent === '2', null, { timeout: 10_000 });
      await page.click('button[aria-label=decrement]');
      await page.waitForFunction(() => document.querySelector('output')?.textContent === '1', null, { timeout: 10_000 });
      await page.close();
    }, 60_000);
  });

  describe('realtime', () => {
    const served = servedTemplate('realtime');

    it('two browsers see each other, and each other’s changes, live', async () => {
      const html = await (await fetch(`${served.url}/`)).text();
      expect(html).toContain('<h1>realtime-app</h1>');
      expect(html).toContain('Here now: <span class="here-count">0</span>'); // nobody is connected yet

      const a = await openLive(`${served.url}/`);
      const b = await openLive(`${served.url}/`);
      const here = (p: Page, n: number) =>
        p.waitForFunction((want) => document.querySelector('.here-count')?.textContent === String(want), n, { timeout: 10_000 });
      await here(a, 2);
      await here(b, 2);

      await a.click('.shared-click');
      await b.waitForFunction(() => document.querySelector('.clicks')?.textContent === '1', null, { timeout: 10_000 });

      await b.fill('input[name=text]', 'hello from b');
      await b.click('.note button[type=submit]');
      await a.waitForSelector('.notes li >> text=hello from b', { timeout: 10_000 });
      await b.waitForFunction(() => (document.querySelector('input[name=text]') as HTMLInputElement).value === '', null, { timeout: 5_000 });

      await b.close(); // its socket drops: it leaves the room
      await here(a, 1);
      await a.close();
    }, 60_000);
  });
});
