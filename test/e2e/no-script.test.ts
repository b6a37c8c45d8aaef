import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signal } from '../../src/runtime/reactive/index.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import type { SubmitEventData } from '../../src/runtime/vdom/events.ts';
import type { Served } from '../../src/runtime/node/index.ts';
import { launch, serveApp } from './browser.ts';

const items: string[] = [];
function List() {
  const error = signal('');
  return h(
    'main',
    null,
    h('a', { href: '/other' }, 'Other page'),
    h('form', { onSubmit: (e: SubmitEventData) => {
      const t = (e.data.get('title') ?? '').trim();
      if (!t) return error.set('Title is required');
      items.push(t);
    } }, h('input', { name: 'title' }), h('button', null, 'Add')),
    error.get() ? h('p', { class: 'error' }, error.get()) : null,
    h('ul', null, items.map((t) => h('li', { key: t }, t))),
  );
}
const Other = () => h('h1', null, 'Other');

let browser: Browser;
let srv: Served;
beforeAll(async () => {
  [browser, srv] = await Promise.all([launch(), serveApp({ routes: { '/': List, '/other': Other } })]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close(100);
});

describe('progressive enhancement in Chromium with JavaScript disabled', () => {
  it('forms post and the server answers with a full render; links navigate', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(srv.url + '/');
    await page.fill('input[name=title]', 'Walk the dog');
    await Promise.all([page.waitForNavigation(), page.click('button')]);
    expect(await page.textContent('ul')).toBe('Walk the dog');
    await Promise.all([page.waitForNavigation(), page.click('button')]);
    expect(await page.textContent('p.error')).toBe('Title is required');
    await Promise.all([page.waitForNavigation(), page.click('a')]);
    expect(await page.textContent('h1')).toBe('Other');
    await ctx.close();
  });
});
