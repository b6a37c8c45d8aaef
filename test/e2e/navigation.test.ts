/**
 * Live navigation in real Chromium: two pages under a shared layout with a counter. A link click swaps
 * the page over the socket (same document, same WebSocket, the layout keeps its count), pushes the URL,
 * changes the title and scrolls to the top; back sends a replace and restores the scroll; a link to an
 * API route or to another origin is a normal navigation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../src/runtime/node/index.ts';
import { decodeClientFrame } from '../../src/runtime/protocol/decode-c2s.ts';
import { EventKind, type WireEvent } from '../../src/runtime/protocol/events.ts';
import { FrameType } from '../../src/runtime/protocol/frames.ts';
import { signal } from '../../src/runtime/reactive/index.ts';
import type { LayoutDef, RouteDef, RouteTable } from '../../src/runtime/router/table.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import type { Child } from '../../src/runtime/vdom/vnode.ts';
import { launch, serveApp, trackSockets, waitStatus } from './browser.ts';

/** The same server under another origin (localhost instead of 127.0.0.1), set once it listens. */
let otherOrigin = '';

function Shell({ children }: { children?: Child }) {
  const count = signal(0);
  return h(
    'div',
    { id: 'shell' },
    h('nav', null,
      h('button', { id: 'inc', onClick: () => count.inc() }, `count=${count.get()}`),
      h('a', { id: 'to-one', href: '/one' }, 'one'),
      h('a', { id: 'api', href: '/api/data' }, 'api'),
      h('a', { id: 'ext', href: otherOrigin + '/two' }, 'elsewhere'),
    ),
    children,
  );
}
const One = () => h('main', { id: 'one' }, h('div', { style: 'height:3000px' }, 'page one'), h('a', { id: 'to-two', href: '/two' }, 'two'), h('a', { id: 'to-end', href: '/two#end' }, 'end of two'));
const Two = () => h('main', { id: 'two' }, h('div', { style: 'height:3000px' }, 'page two'), h('p', { id: 'end' }, 'the end'), h('div', { style: 'height:3000px' }));

const shell: LayoutDef = { file: 'app/_layout.tsx', module: { default: Shell, meta: { title: 'Site' } } };
const page = (pattern: string, fn: () => Child, title: string): RouteDef => ({
  pattern,
  file: `app${pattern}.tsx`,
  module: { default: fn, meta: { title } },
  layouts: [shell],
  middleware: [],
});
const table: RouteTable = {
  routes: [
    page('/one', One, 'One'),
    page('/two', Two, 'Two'),
    { pattern: '/api/data', file: 'app/api/data.ts', module: { GET: () => Response.json({ api: true }) }, api: true, layouts: [], middleware: [] },
  ],
  layouts: [shell],
  middleware: [],
  errors: [],
  notFound: [],
};

let served: Served;
let browser: Browser;

beforeAll(async () => {
  [served, browser] = await Promise.all([serveApp({ routeTable: table, sessions: { sweepInterval: 0 } }), launch()]);
  otherOrigin = served.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await browser?.close();
  await served?.close(100);
});

/** A connected page on `/one`, a marker on its window, and the Navigate events it sends. */
async function open(): Promise<{ page: Page; navigations: WireEvent[] }> {
  const page = await browser.newPage();
  await trackSockets(page);
  // A socket opened once `__offline` is set goes to an address that refuses it, as a dead network would.
  await page.addInitScript(() => {
    const W = window.WebSocket;
    (window as any).WebSocket = class extends W {
      constructor(url: string | URL, protocols?: string | string[]) {
        super((window as any).__offline ? String(url).replace('/_vango/ws', '/_vango/offline') : url, protocols);
      }
    };
  });
  const navigations: WireEvent[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      const r = decodeClientFrame(new Uint8Array(f.payload as Buffer));
      if (r.ok && r.value?.type === FrameType.Event && r.value.event.kind === EventKind.Navigate) navigations.push(r.value.event);
    }),
  );
  await page.goto(served.url + '/one');
  await waitStatus(page, 'connected');
  await page.evaluate(() => ((window as any).__marker = 'same document'));
  return { page, navigations };
}

const marker = (page: Page) => page.evaluate(() => (window as any).__marker as string | undefined);
const sockets = (page: Page) => page.evaluate(() => (window as any).__sockets.map((s: WebSocket) => s.readyState) as number[]);

describe('live navigation', () => {
  it('a link swaps the page over the socket, pushes the URL and keeps the layout; back replaces and restores the scroll', async () => {
    const { page, navigations } = await open();
    expect(await page.title()).toBe('One');
    await page.click('#inc');
    await page.click('#inc');
    await page.waitForFunction(() => document.getElementById('inc')!.textContent === 'count=2');
    const length = await page.evaluate(() => history.length);

    await page.locator('#to-two').scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    expect(y).toBeGreaterThan(1000);
    await page.click('#to-two');
    await page.waitForFunction(() => document.getElementById('two') !== null);
    expect(new URL(page.url()).pathname).toBe('/two');
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    expect(await page.locator('#one').count()).toBe(0);
    expect(await marker(page)).toBe('same document');
    expect(await sockets(page)).toEqual([1]);
    expect(await page.locator('#inc').textContent()).toBe('count=2');
    expect(await page.title()).toBe('Two');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(navigations).toEqual([{ kind: EventKind.Navigate, hid: 0, path: '/two', replace: false }]);

    // The layout's state is live on the new page too.
    await page.click('#inc');
    await page.waitForFunction(() => document.getElementById('inc')!.textContent === 'count=3');

    await page.evaluate(() => history.back());
    await page.waitForFunction(() => document.getElementById('one') !== null);
    expect(new URL(page.url()).pathname).toBe('/one');
    expect(navigations.at(-1)).toEqual({ kind: EventKind.Navigate, hid: 0, path: '/one', replace: true });
    expect(await marker(page)).toBe('same document');
    expect(await sockets(page)).toEqual([1]);
    expect(await page.locator('#inc').textContent()).toBe('count=3');
    expect(await page.title()).toBe('One');
    await page.waitForFunction((want) => Math.abs(scrollY - want) < 2, y, { timeout: 2_000 });
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    await page.close();
  });

  it('a link with a #hash lands on its target', async () => {
    const { page, navigations } = await open();
    await page.locator('#to-end').scrollIntoViewIfNeeded();
    await page.click('#to-end');
    await page.waitForFunction(() => document.getElementById('two') !== null);
    expect(new URL(page.url()).hash).toBe('#end');
    expect(await marker(page)).toBe('same document');
    expect(navigations).toEqual([{ kind: EventKind.Navigate, hid: 0, path: '/two#end', replace: false }]);
    const top = await page.evaluate(() => document.getElementById('end')!.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(2);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(2000);
    await page.close();
  });

  it('a link to an API route is a full navigation, after the server says so', async () => {
    const { page, navigations } = await open();
    await page.click('#api');
    await page.waitForURL(served.url + '/api/data');
    expect(await page.textContent('body')).toContain('"api":true');
    expect(await marker(page)).toBeUndefined();
    expect(navigations).toEqual([{ kind: EventKind.Navigate, hid: 0, path: '/api/data', replace: false }]);
    await page.close();
  });

  it('a link to another origin is not intercepted', async () => {
    const { page, navigations } = await open();
    await page.click('#ext');
    await page.waitForURL(otherOrigin + '/two');
    await page.waitForSelector('#two');
    expect(await marker(page)).toBeUndefined();
    expect(navigations).toEqual([]);
    await page.close();
  });

  it('without a connection links are plain links', async () => {
    const { page, navigations } = await open();
    // From now on the socket's address answers 404: the client cannot reconnect.
    await page.evaluate(() => {
      (window as any).__offline = true;
      (window as any).__sockets[0].close();
    });
    await waitStatus(page, 'reconnecting');
    await page.locator('#to-two').scrollIntoViewIfNeeded();
    await page.click('#to-two');
    await page.waitForURL(served.url + '/two');
    await page.waitForSelector('#two');
    expect(await marker(page)).toBeUndefined();
    expect(navigations).toEqual([]);
    await page.close();
  });
});
