/**
 * visit(): test/fixtures/build-app copied to test/.tmp/ (plus a page whose handler throws), its routes
 * generated and imported, pages driven through the real App, session and wire codec.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerRoutes, visit } from 'vango/test';
import { generateRoutes } from '../../../src/codegen/routes/generate.ts';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import type { RouteTable } from '../../../src/runtime/router/table.ts';
import { repoRoot } from '../router/fixture-copy.ts';

let dir: string;
let routeTable: RouteTable;

beforeAll(async () => {
  const base = join(repoRoot, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  dir = mkdtempSync(join(base, 'visit-app-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'build-app'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'app', 'routes', 'boom.tsx'),
    `export default function Boom() {\n  return <button onClick={() => { throw new Error('handler blew up'); }}>boom</button>;\n}\n`,
  );
  writeFileSync(
    join(dir, 'app', 'routes', 'clock.tsx'),
    [
      "import { effect, signal } from 'vango';",
      'export default function Clock() {',
      "  const ticks = signal(0, { name: 'ticks' });",
      '  effect(() => { const id = setInterval(() => ticks.inc(), 1000); return () => clearInterval(id); });',
      '  const saved = signal(false, { name: "saved" });',
      '  const save = async () => { await new Promise((r) => setTimeout(r, 500)); saved.set(true); };',
      '  return <main><p>Ticks: {ticks.get()}</p><button onClick={save}>{saved.get() ? "saved" : "save"}</button></main>;',
      '}',
      '',
    ].join('\n'),
  );
  const gen = generateRoutes(dir);
  ({ routeTable } = (await import(/* @vite-ignore */ pathToFileURL(gen.file).href)) as { routeTable: RouteTable });
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('visit()', () => {
  it('renders a page in its layout through the app, with status and title', async () => {
    const page = await visit('/', { routeTable });
    expect(page.status).toBe(200);
    expect(page.title()).toBe('Build app');
    expect(page.get('#shell main#home h1').tag).toBe('h1');
    expect(page.text()).toContain('Count: 0');
    page.unmount();
  });

  it('runs events over the wire: signals update and the patches are minimal', async () => {
    const page = await visit('/', { routeTable });
    await page.click('#inc');
    await page.click('+');
    expect(page.signal('count')).toBe(2);
    expect(page.getByText('Count: 2').props.id).toBe('count');
    const patches = page.patches();
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ op: Op.SetText, text: 'Count: 2' });
    page.unmount();
  });

  it('follows a link as live navigation: the URL, title and page change, the layout stays', async () => {
    const page = await visit('/', { routeTable });
    const shellHid = page.get('#shell').hid;
    await page.click('About');
    expect(page.url()).toBe('/about');
    expect(page.title()).toBe('About');
    expect(page.getByRole('heading').tag).toBe('h1');
    expect(page.text()).toContain('A small app the build tests compile.');
    expect(page.get('#shell').hid).toBe(shellHid);
    expect(page.patches().some((p) => p.op === Op.UrlPush)).toBe(true);
    await page.navigate('/');
    expect(page.url()).toBe('/');
    expect(page.signal('count')).toBe(0);
    page.unmount();
  });

  it('shows the not-found page with status 404', async () => {
    const page = await visit('/nowhere', { routeTable });
    expect(page.status).toBe(404);
    expect(page.text()).toMatch(/not found/i);
    page.unmount();
  });

  it('rethrows an error thrown by a handler', async () => {
    const page = await visit('/boom', { routeTable });
    await expect(page.click('boom')).rejects.toThrow('handler blew up');
    page.unmount();
  });

  it('fake time: timers drive the live session; a handler waiting on one finishes when time advances', async () => {
    vi.useFakeTimers();
    try {
      const page = await visit('/clock', { routeTable });
      await vi.advanceTimersByTimeAsync(3000);
      await page.settle();
      expect(page.signal('ticks')).toBe(3);
      expect(page.text()).toContain('Ticks: 3');
      // One frame per tick reached the client, each a single text update.
      expect(page.patches().map((p) => (p.op === Op.SetText ? p.text : p.op))).toEqual(['Ticks: 1', 'Ticks: 2', 'Ticks: 3']);
      const click = page.click('save');
      await vi.advanceTimersByTimeAsync(500);
      await click;
      expect(page.signal('saved')).toBe(true);
      expect(page.getByRole('button', { name: 'saved' }).tag).toBe('button');
      expect(page.text()).toContain('saved');
      page.unmount();
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses the registered table by default, and says how to get one when there is none', async () => {
    registerRoutes(undefined as unknown as RouteTable);
    await expect(visit('/')).rejects.toThrow(/no route table\. Run the tests with `vango test`/);
    registerRoutes(routeTable);
    const page = await visit('/about');
    expect(page.getByRole('heading').tag).toBe('h1');
    page.unmount();
  });
});
