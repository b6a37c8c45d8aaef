/**
 * Shared end-to-end helpers: a headless system Chromium driven by playwright-core, and a Vango app
 * served in-process on a random port.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, serve, type AppOptions, type Served } from '../../src/runtime/node/index.ts';

export const CHROMIUM = '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Serve an app on 127.0.0.1 with a free port. */
export function serveApp(opts: AppOptions): Promise<Served> {
  return serve(createApp(opts), { port: 0 });
}

/**
 * Before any page script: remember every WebSocket the page opens (`window.__sockets`), so a test can
 * close the client's socket as a network failure would.
 */
export async function trackSockets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const W = window.WebSocket;
    const list: WebSocket[] = ((window as any).__sockets = []);
    (window as any).WebSocket = class extends W {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        list.push(this);
      }
    };
  });
}

/** Resolves when `<html>` carries `vango-<state>`. */
export function waitStatus(page: Page, state: string, timeout = 5_000): Promise<unknown> {
  return page.waitForFunction((s) => document.documentElement.classList.contains('vango-' + s), state, { timeout });
}
