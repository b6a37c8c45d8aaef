/**
 * Milestone M1 end to end, in real Chromium against the real Node server: SSR, clicks over a binary
 * socket, reconnect after a drop, resume after a reload; then a text input echoed by the server, a keyed
 * reorder and an optimistic update that reverts when its handler throws.
 */
import type { Duplex } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signal } from '../../src/runtime/reactive/index.ts';
import type { Served } from '../../src/runtime/node/index.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import { launch, serveApp, trackSockets, waitStatus } from './browser.ts';

function Counter() {
  const count = signal(0);
  return h('main', null, h('h1', null, 'Count: ', count.get()), h('button', { onClick: () => count.inc() }, '+'));
}

function Echo() {
  const name = signal('');
  return h(
    'main',
    null,
    h('input', { id: 'name', value: name.get(), onInput: (e: { value: string }) => name.set(e.value) }),
    h('p', { id: 'echo' }, 'Hello ', name.get()),
  );
}

function List() {
  const items = signal(['a', 'b', 'c', 'd', 'e']);
  return h(
    'main',
    null,
    h('ul', { id: 'list' }, items.get().map((x) => h('li', { key: x }, x))),
    h('button', { id: 'rev', onClick: () => items.set([...items.peek()].reverse()) }, 'reverse'),
  );
}

function Optimistic() {
  const saved = signal(0);
  return h(
    'main',
    null,
    h('button', {
      id: 'bad',
      optimistic: { class: '+pending', text: 'Saving…', attr: { 'aria-busy': 'true' } },
      onClick: () => {
        throw new Error('boom');
      },
    }, 'Save'),
    h('button', { id: 'good', optimistic: { class: '+pending' }, onClick: () => saved.inc() }, 'Saved ', saved.get()),
  );
}

let served: Served;
let browser: Browser;
const handlerErrors: unknown[] = [];
/** Raw sockets of upgraded connections (server side), to cut one like a network failure would. */
const raw: Duplex[] = [];

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveApp({
      routes: { '/': Counter, '/echo': Echo, '/list': List, '/optimistic': Optimistic },
      sessions: { onError: (err) => handlerErrors.push(err) },
    }),
    launch(),
  ]);
  served.server.on('upgrade', (_req, socket: Duplex) => raw.push(socket));
});

afterAll(async () => {
  await browser?.close();
  await served?.close(100);
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await trackSockets(page);
  await page.goto(served.url + path);
  await waitStatus(page, 'connected');
  return page;
}

const text = (page: Page, sel: string) => page.locator(sel).textContent();

describe('M1: counter', () => {
  let page: Page;
  const frames: { dir: 'sent' | 'received'; binary: boolean }[] = [];

  it('renders on the server', async () => {
    const res = await fetch(served.url + '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Count: 0');
    expect(html).toContain('id="vango-boot"');
    expect(html).toContain('/_vango/client.js');
  });

  it('counts ten clicks over binary frames', async () => {
    page = await browser.newPage();
    await trackSockets(page);
    page.on('websocket', (ws) => {
      ws.on('framesent', (f) => frames.push({ dir: 'sent', binary: Buffer.isBuffer(f.payload) }));
      ws.on('framereceived', (f) => frames.push({ dir: 'received', binary: Buffer.isBuffer(f.payload) }));
    });
    await page.goto(served.url + '/');
    await waitStatus(page, 'connected');
    for (let i = 1; i <= 10; i++) {
      await page.click('button');
      await page.waitForFunction((n) => document.querySelector('h1')!.textContent === 'Count: ' + n, i, { timeout: 2_000 });
    }
    expect(await text(page, 'h1')).toBe('Count: 10');
    expect(frames.some((f) => f.dir === 'sent')).toBe(true);
    expect(frames.some((f) => f.dir === 'received')).toBe(true);
    expect(frames.every((f) => f.binary)).toBe(true);
  });

  it('reconnects within 500 ms after the socket is killed, state intact', async () => {
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          let left = false;
          document.addEventListener('vango:status', (e) => {
            if ((e as CustomEvent).detail !== 'connected') left = true;
            else if (left) resolve(performance.now() - t0);
          });
          (window as any).__sockets.at(-1).close();
        }),
    );
    console.log(`reconnect after a client-side close: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(500);
    expect(await text(page, 'h1')).toBe('Count: 10');
    await page.click('button');
    await page.waitForFunction(() => document.querySelector('h1')!.textContent === 'Count: 11', null, { timeout: 2_000 });
    await page.click('button');
    await page.waitForFunction(() => document.querySelector('h1')!.textContent === 'Count: 12', null, { timeout: 2_000 });
  });

  it('reconnects within 500 ms after the server side of the socket drops', async () => {
    await page.evaluate(() => {
      const w = window as any;
      w.__drop = undefined;
      let t0 = 0;
      document.addEventListener('vango:status', (e) => {
        const s = (e as CustomEvent).detail;
        if (s === 'reconnecting' && !t0) t0 = performance.now();
        else if (s === 'connected' && t0 && w.__drop === undefined) w.__drop = performance.now() - t0;
      });
    });
    raw.at(-1)!.destroy();
    const ms = (await (await page.waitForFunction(() => (window as any).__drop, null, { timeout: 3_000 })).jsonValue()) as number;
    console.log(`reconnect after the TCP connection was cut: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(500);
    await page.click('button');
    await page.waitForFunction(() => document.querySelector('h1')!.textContent === 'Count: 13', null, { timeout: 2_000 });
  });

  it('resumes the same session after a reload (full resync over the new SSR)', async () => {
    await page.reload();
    await page.waitForFunction(() => document.querySelector('h1')!.textContent === 'Count: 13', null, { timeout: 3_000 });
    await waitStatus(page, 'connected');
    await page.click('button');
    await page.waitForFunction(() => document.querySelector('h1')!.textContent === 'Count: 14', null, { timeout: 2_000 });
    expect(frames.every((f) => f.binary)).toBe(true);
    await page.close();
  });

  it('falls back to the page session when the stored one is gone', async () => {
    const other = await open('/');
    await other.evaluate(() => sessionStorage.setItem('vango:session', JSON.stringify({ sid: 'gone', csrf: 'x', last: 3, path: '/' })));
    await other.reload();
    await waitStatus(other, 'connected');
    await other.click('button');
    await other.waitForFunction(() => document.querySelector('h1')!.textContent === 'Count: 1', null, { timeout: 2_000 });
    const stored = await other.evaluate(() => JSON.parse(sessionStorage.getItem('vango:session')!).sid);
    expect(stored).not.toBe('gone');
    await other.close();
  });

  it('a new tab gets a new session', async () => {
    const other = await open('/');
    expect(await text(other, 'h1')).toBe('Count: 0');
    await other.close();
  });
});

describe('M1: forms, lists, optimistic updates', () => {
  it('types into an input echoed by the server without losing keystrokes or the caret', async () => {
    const page = await open('/echo');
    await page.click('#name');
    await page.keyboard.type('the quick brown fox', { delay: 5 });
    await page.waitForFunction(() => document.getElementById('echo')!.textContent === 'Hello the quick brown fox', null, { timeout: 3_000 });
    expect(await page.inputValue('#name')).toBe('the quick brown fox');
    // Edit in the middle: the echo must not move the caret to the end.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('red ', { delay: 5 });
    await page.waitForFunction(() => document.getElementById('echo')!.textContent === 'Hello the quick brown red fox', null, { timeout: 3_000 });
    await page.waitForTimeout(100);
    expect(await page.inputValue('#name')).toBe('the quick brown red fox');
    const caret = await page.$eval('#name', (el) => (el as HTMLInputElement).selectionStart);
    expect(caret).toBe('the quick brown red '.length);
    await page.close();
  });

  it('reorders a keyed list by moving the same DOM nodes', async () => {
    const page = await open('/list');
    await page.$$eval('#list li', (els) => els.forEach((el) => ((el as any).__tag = el.textContent)));
    await page.click('#rev');
    await page.waitForFunction(() => [...document.querySelectorAll('#list li')].map((li) => li.textContent).join('') === 'edcba', null, { timeout: 2_000 });
    const kept = await page.$$eval('#list li', (els) => els.every((el) => (el as any).__tag === el.textContent));
    expect(kept).toBe(true);
    await page.click('#rev');
    await page.waitForFunction(() => [...document.querySelectorAll('#list li')].map((li) => li.textContent).join('') === 'abcde', null, { timeout: 2_000 });
    await page.close();
  });

  it('applies an optimistic change at once and reverts it when the handler throws', async () => {
    const page = await open('/optimistic');
    const before = handlerErrors.length;
    const during = await page.$eval('#bad', (el) => {
      (el as HTMLElement).click();
      return { cls: el.classList.contains('pending'), text: el.textContent, busy: el.getAttribute('aria-busy') };
    });
    expect(during).toEqual({ cls: true, text: 'Saving…', busy: 'true' });
    await page.waitForFunction(() => {
      const el = document.getElementById('bad')!;
      return !el.classList.contains('pending') && el.textContent === 'Save' && !el.hasAttribute('aria-busy');
    }, null, { timeout: 2_000 });
    expect(handlerErrors.length).toBe(before + 1);
    // The parked text node came back: the server can still address it, and a working handler still works.
    await page.click('#good');
    await page.waitForFunction(() => {
      const el = document.getElementById('good')!;
      return el.textContent === 'Saved 1' && !el.classList.contains('pending');
    }, null, { timeout: 2_000 });
    await page.close();
  });
});
