/**
 * `vango dev` end to end in Chromium: edits on disk reach the open page without a reload and keep
 * state; a changed signal layout resets the component with a warning; a syntax error shows the
 * overlay and the fix clears it, state intact; CSS swaps without a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { makeApp, startDev, type DevProcess } from '../helpers/dev-server.ts';
import { ensureFreshBuild } from '../cli/fresh-build.ts';

const page1 = (title: string, extra = '') => `import { signal } from 'vango';

export default function Home() {
  ${extra}const count = signal(0);
  const name = signal('');
  return (
    <main>
      <h1>${title}</h1>
      <input id="name" value={name.get()} onInput={(e) => name.set(e.value)} />
      <button id="inc" onClick={() => count.inc()}>count {count.get()}</button>
      <p id="echo">name: {name.get()}</p>
    </main>
  );
}
`;

describe('vango dev in Chromium', () => {
  let app: ReturnType<typeof makeApp>;
  let dev: DevProcess;
  let browser: Browser;
  let page: Page;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    await ensureFreshBuild();
    app = makeApp({
      'vango.config.ts': `import { defineConfig } from 'vango';\nexport default defineConfig({ app: { stylesheets: ['/app.css'] } });\n`,
      'public/app.css': 'h1 { color: rgb(0, 0, 255); }\n',
      'app/routes/index.tsx': page1('Hello v1'),
    });
    dev = await startDev(app.root);
    browser = await launch();
    page = await browser.newPage();
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(dev.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('vango-connected'));
    await page.evaluate(() => ((window as unknown as { __same: number }).__same = 42));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    app?.remove();
  });

  const samePage = () => page.evaluate(() => (window as unknown as { __same?: number }).__same);

  it('keeps the counter and the input text across a markup edit, without a navigation', async () => {
    await page.fill('#name', 'Ada');
    await page.waitForFunction(() => document.querySelector('#echo')?.textContent === 'name: Ada');
    for (let i = 0; i < 5; i++) await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#inc')?.textContent === 'count 5');
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    const since = dev.log().length;
    app.write('app/routes/index.tsx', page1('Hello v2'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hello v2', undefined, { timeout: 10_000 });
    expect(await page.textContent('#inc')).toBe('count 5');
    expect(await page.inputValue('#name')).toBe('Ada');
    expect(await page.textContent('#echo')).toBe('name: Ada');
    expect(await samePage()).toBe(42);
    expect(navigations).toBe(0);
    await dev.waitFor(/hot update app\/routes\/index\.tsx/, 5_000, since);
  });

  it('resets a component whose signal layout changed, and says so in the terminal and the console', async () => {
    const since = dev.log().length;
    app.write('app/routes/index.tsx', page1('Hello v3', "const flag = signal(false);\n  "));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hello v3', undefined, { timeout: 10_000 });
    expect(await page.textContent('#inc')).toBe('count 0');
    expect(await samePage()).toBe(42);
    await dev.waitFor(/reset <Home>.*signal layout changed/, 5_000, since);
    await expect.poll(() => consoleLines.some((l) => /Home/.test(l) && /signal layout changed/.test(l))).toBe(true);
  });

  it('shows a syntax error in an overlay, keeps the app running, and clears it on the fix with state intact', async () => {
    await page.click('#inc');
    await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#inc')?.textContent === 'count 2');
    app.write('app/routes/index.tsx', page1('Hello v4').replace('<main>', '<main>{'));
    await page.waitForSelector('vango-dev-overlay', { state: 'attached', timeout: 10_000 });
    const text = await page.evaluate(() => document.querySelector('vango-dev-overlay')!.shadowRoot!.textContent ?? '');
    expect(text).toMatch(/app\/routes\/index\.tsx:\d+:\d+/);
    expect(text).toMatch(/Build error/i);
    // The last good build still answers events.
    await page.click('#inc', { force: true }).catch(() => undefined);
    app.write('app/routes/index.tsx', page1('Hello v5', "const flag = signal(false);\n  "));
    await page.waitForSelector('vango-dev-overlay', { state: 'detached', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hello v5', undefined, { timeout: 10_000 });
    expect(Number((await page.textContent('#inc'))!.replace('count ', ''))).toBeGreaterThanOrEqual(2);
    expect(await samePage()).toBe(42);
  });

  it('shows a runtime error from a handler with the TypeScript line, and the session survives', async () => {
    const src = page1('Hello v6', "const flag = signal(false);\n  ").replace(
      '<p id="echo">',
      '<button id="boom" onClick={() => {\n        throw new Error("kaboom");\n      }}>boom</button>\n      <p id="echo">',
    );
    app.write('app/routes/index.tsx', src);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hello v6', undefined, { timeout: 10_000 });
    const before = await page.textContent('#inc');
    await page.click('#boom');
    await page.waitForSelector('vango-dev-overlay', { state: 'attached', timeout: 10_000 });
    const text = await page.evaluate(() => document.querySelector('vango-dev-overlay')!.shadowRoot!.textContent ?? '');
    const line = src.split('\n').findIndex((l) => l.includes('throw new Error')) + 1;
    expect(text).toContain('kaboom');
    expect(text).toContain(`app/routes/index.tsx:${line}:`);
    expect(text).toMatch(/Runtime error/i);
    await page.evaluate(() => document.querySelector('vango-dev-overlay')!.remove());
    await page.click('#inc');
    await page.waitForFunction((b) => document.querySelector('#inc')?.textContent !== b, before);
  });

  it('serves a route added while running (the table is generated again)', async () => {
    const since = dev.log().length;
    app.write('app/routes/about.tsx', 'export default function About() {\n  return <h1>About us</h1>;\n}\n');
    await dev.waitFor(/routes? update|app\/\.vango\/routes\.gen\.ts/, 10_000, since);
    const res = await fetch(`${dev.url}/about`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('About us');
  });

  it('swaps an edited stylesheet without a reload', async () => {
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe('rgb(0, 0, 255)');
    app.write('public/app.css', 'h1 { color: rgb(255, 0, 0); }\n');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('h1')!).color === 'rgb(255, 0, 0)', undefined, { timeout: 10_000 });
    expect(await samePage()).toBe(42);
  });

  it("updates the page's title when its meta changes", async () => {
    app.write('app/routes/index.tsx', `export const meta = { title: 'Fresh title' };\n${page1('Hello v7', "const flag = signal(false);\n  ")}`);
    await page.waitForFunction(() => document.title === 'Fresh title', undefined, { timeout: 10_000 });
    expect(await page.textContent('h1')).toBe('Hello v7');
    expect(await samePage()).toBe(42);
  });

  it('restarts on a config change and the page reconnects by itself', async () => {
    const since = dev.log().length;
    app.write('vango.config.ts', `import { defineConfig } from 'vango';\nexport default defineConfig({ app: { lang: 'fr', stylesheets: ['/app.css'] } });\n`);
    await dev.waitFor(/ready in/, 15_000, since);
    await page.waitForFunction(() => document.documentElement.classList.contains('vango-connected') && document.documentElement.lang === 'fr', undefined, { timeout: 15_000 });
    await page.click('#inc');
    await page.waitForFunction(() => /count \d+/.test(document.querySelector('#inc')?.textContent ?? ''));
  });
});
