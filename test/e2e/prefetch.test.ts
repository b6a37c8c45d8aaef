/**
 * `<Link prefetch>` in real Chromium: hovering the link makes the server prerender the target page
 * (seen through an API route that reports the server's render and effect counters) without running its
 * effects; the click then navigates live (same document, same socket) without rendering the page again,
 * and the page's effect runs then.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../src/runtime/node/index.ts';
import { decodeClientFrame } from '../../src/runtime/protocol/decode-c2s.ts';
import { EventKind, type WireEvent } from '../../src/runtime/protocol/events.ts';
import { FrameType } from '../../src/runtime/protocol/frames.ts';
import { effect, signal } from '../../src/runtime/reactive/index.ts';
import { Link } from '../../src/runtime/router/link.ts';
import type { LayoutDef, RouteDef, RouteTable } from '../../src/runtime/router/table.ts';
import { h } from '../../src/runtime/vdom/h.ts';
import type { Child } from '../../src/runtime/vdom/vnode.ts';
import { launch, serveApp, trackSockets, waitStatus } from './browser.ts';

const counts = { renders: 0, effects: 0 };

function Shell({ children }: { children?: Child }) {
  return h('div', { id: 'shell' }, children);
}
const Home = () =>
  h('main', { id: 'home' }, h('div', { style: 'height:200px' }), h(Link, { id: 'to-target', href: '/target', prefetch: true }, 'target'), ' ', h(Link, { id: 'to-plain', href: '/plain' }, 'plain'));
function Target() {
  counts.renders++;
  const n = signal(0);
  effect(() => void counts.effects++);
  return h('main', { id: 'target' }, h('button', { id: 'inc', onClick: () => n.inc() }, `n=${n.get()}`));
}
const Plain = () => h('main', { id: 'plain' }, 'plain');

const shell: LayoutDef = { file: 'app/_layout.tsx', module: { default: Shell } };
const page = (pattern: string, fn: () => Child): RouteDef => ({ pattern, file: `app${pattern}.tsx`, module: { default: fn }, layouts: [shell], middleware: [] });
const table: RouteTable = {
  routes: [
    page('/home', Home),
    page('/target', Target),
    page('/plain', Plain),
    { pattern: '/api/counts', file: 'app/api/counts.ts', module: { GET: () => Response.json(counts) }, api: true, layouts: [], middleware: [] },
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
});

afterAll(async () => {
  await browser?.close();
  await served?.close(100);
});

/** The server's counters, as the app's API route reports them. */
const serverCounts = async () => (await (await fetch(served.url + '/api/counts')).json()) as typeof counts;

async function open(): Promise<{ page: Page; sent: WireEvent[] }> {
  const page = await browser.newPage();
  await trackSockets(page);
  const sent: WireEvent[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      const r = decodeClientFrame(new Uint8Array(f.payload as Buffer));
      if (r.ok && r.value?.type === FrameType.Event) sent.push(r.value.event);
    }),
  );
  await page.goto(served.url + '/home');
  await waitStatus(page, 'connected');
  await page.evaluate(() => ((window as any).__marker = 'same document'));
  return { page, sent };
}

describe('<Link prefetch> in Chromium', () => {
  it('hovering prerenders the target on the server; the click navigates live without rendering it again', async () => {
    counts.renders = counts.effects = 0;
    const { page, sent } = await open();
    expect(await page.locator('#to-target').getAttribute('data-prefetch')).toBe('');
    expect(await page.locator('#to-plain').getAttribute('data-prefetch')).toBeNull();

    // Hovering a plain link asks for nothing.
    await page.hover('#to-plain');
    await page.hover('#to-target');
    await expect.poll(serverCounts, { timeout: 5_000 }).toEqual({ renders: 1, effects: 0 });
    expect(sent.filter((e) => e.kind === EventKind.Custom).map((e) => (e as { name: string; payload: string }).payload)).toEqual(['/target']);
    // Hovering again sends nothing more.
    await page.mouse.move(0, 0);
    await page.hover('#to-target');

    await page.click('#to-target');
    await page.waitForFunction(() => document.getElementById('target') !== null);
    expect(new URL(page.url()).pathname).toBe('/target');
    expect(await page.evaluate(() => (window as any).__marker)).toBe('same document');
    expect(await page.evaluate(() => (window as any).__sockets.map((s: WebSocket) => s.readyState))).toEqual([1]);
    expect(await serverCounts()).toEqual({ renders: 1, effects: 1 });
    expect(sent.filter((e) => e.kind === EventKind.Custom)).toHaveLength(1);
    expect(sent.filter((e) => e.kind === EventKind.Navigate)).toEqual([{ kind: EventKind.Navigate, hid: 0, path: '/target', replace: false }]);

    // The adopted page is live in the browser.
    await page.click('#inc');
    await page.waitForFunction(() => document.getElementById('inc')!.textContent === 'n=1');
    expect(await serverCounts()).toEqual({ renders: 2, effects: 1 });
    await page.close();
  });

  it('keyboard focus prefetches too, and Enter adopts the prepared page', async () => {
    counts.renders = counts.effects = 0;
    const { page } = await open();
    await page.focus('#to-target');
    await expect.poll(serverCounts, { timeout: 5_000 }).toEqual({ renders: 1, effects: 0 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('target') !== null);
    expect(await page.evaluate(() => (window as any).__marker)).toBe('same document');
    expect(await serverCounts()).toEqual({ renders: 1, effects: 1 });
    await page.close();
  });
});
