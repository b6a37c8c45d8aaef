// @vitest-environment happy-dom
/**
 * The browser dev script against a fake EventSource: the overlay (in its shadow root, text only), the
 * stylesheet swap, console messages, reload and reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDevClient, type DevClient } from '../../../src/dev/client/dev-client.ts';
import { OVERLAY_TAG } from '../../../src/dev/client/overlay.ts';
import { swapStylesheet } from '../../../src/dev/client/css-swap.ts';
import { DEV_EVENTS_PATH, DEV_OPEN_PATH, type BrowserDevEvent } from '../../../src/dev/events.ts';
import { buildProblem, runtimeProblem } from './fixtures.ts';

class FakeEventSource extends EventTarget {
  static all: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  readonly url: string;
  constructor(url: string) {
    super();
    this.url = url;
    FakeEventSource.all.push(this);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  send(e: BrowserDevEvent, name = 'message'): void {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(e) }));
  }
}

let client: DevClient | undefined;
let fetched: string[];
type Log = (...args: unknown[]) => void;
let warn: ReturnType<typeof vi.fn<Log>>;
let info: ReturnType<typeof vi.fn<Log>>;

function start(): FakeEventSource {
  client = startDevClient({
    window,
    EventSource: FakeEventSource as unknown as new (url: string) => EventSource,
    fetch: async (url) => {
      fetched.push(url);
      return {};
    },
    console: { warn, info, error: vi.fn() },
    now: () => 1234,
    retryMs: 10,
  });
  return FakeEventSource.all.at(-1)!;
}

const overlay = (): ShadowRoot | null => document.querySelector(OVERLAY_TAG)?.shadowRoot ?? null;
const text = (sel: string): string | null | undefined => overlay()?.querySelector(sel)?.textContent;

beforeEach(() => {
  FakeEventSource.all = [];
  fetched = [];
  warn = vi.fn<Log>();
  info = vi.fn<Log>();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterEach(() => {
  client?.close();
  client = undefined;
});

describe('dev client: overlay', () => {
  it('connects to the events path and shows a build error', () => {
    const es = start();
    expect(es.url).toBe(DEV_EVENTS_PATH);
    es.send({ type: 'problem', problem: buildProblem() });
    const root = overlay()!;
    expect(root).not.toBeNull();
    expect(text('.kind')).toBe('Build error');
    expect(text('.message')).toBe('Expected ";" but found "}"');
    expect(text('.file')).toBe('app/routes/index.tsx:3:7');
    expect(root.querySelector('pre.frame')?.textContent).toBe(buildProblem().frame);
    expect(root.querySelector('.stack')).toBeNull();
    // The host is pinned above the page.
    expect(root.querySelector('style')?.textContent).toContain('z-index: 2147483647');
  });

  it('a runtime error shows where and the stack; a newer problem replaces the overlay', () => {
    const es = start();
    es.send({ type: 'problem', problem: buildProblem() });
    es.send({ type: 'problem', problem: runtimeProblem() });
    expect(document.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
    expect(text('.kind')).toBe('Runtime error');
    expect(text('.where')).toBe('in click handler');
    expect(text('pre.stack')).toContain('at onClick (app/components/Counter.tsx:12:5)');
  });

  it('server text is shown as text, never parsed as HTML', () => {
    const es = start();
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    es.send({ type: 'problem', problem: buildProblem({ message: evil, frame: evil, file: '<i>x</i>.tsx' }) });
    const root = overlay()!;
    expect(text('.message')).toBe(evil);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('i')).toBeNull();
    expect(text('.file')).toBe('<i>x</i>.tsx:3:7');
  });

  it('clear removes it; so do the close button and Esc', () => {
    const es = start();
    es.send({ type: 'problem', problem: buildProblem() });
    es.send({ type: 'clear' });
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();

    es.send({ type: 'problem', problem: buildProblem() });
    (overlay()!.querySelector('button.close') as HTMLButtonElement).click();
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();

    es.send({ type: 'problem', problem: buildProblem() });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
  });

  it('the file link asks the server to open the editor at file:line:col', () => {
    const es = start();
    es.send({ type: 'problem', problem: buildProblem({ absFile: '/srv/my app/a&b.tsx', line: 3, column: 7 }) });
    (overlay()!.querySelector('a.file') as HTMLAnchorElement).click();
    expect(fetched).toHaveLength(1);
    const url = new URL(fetched[0]!, 'http://x');
    expect(url.pathname).toBe(DEV_OPEN_PATH);
    expect(url.searchParams.get('file')).toBe('/srv/my app/a&b.tsx');
    expect(url.searchParams.get('line')).toBe('3');
    expect(url.searchParams.get('column')).toBe('7');
  });

  it('no link when the absolute path is unknown', () => {
    const es = start();
    es.send({ type: 'problem', problem: buildProblem({ absFile: '' }) });
    expect(overlay()!.querySelector('a.file')).toBeNull();
    expect(text('.file')).toBe('app/routes/index.tsx:3:7');
  });

  it('named SSE events work too, and junk is ignored', () => {
    const es = start();
    es.dispatchEvent(new MessageEvent('message', { data: 'not json' }));
    es.dispatchEvent(new MessageEvent('message', { data: '{"type":"nope"}' }));
    expect(document.querySelector(OVERLAY_TAG)).toBeNull();
    es.send({ type: 'problem', problem: buildProblem() }, 'problem');
    expect(overlay()).not.toBeNull();
  });
});

describe('dev client: stylesheets', () => {
  // happy-dom "loads" a stylesheet synchronously on insertion (CSS fetching is off). Hold those load
  // events at the document (capture runs before the link's own listeners) so a test decides when a
  // sheet has loaded, like the network would.
  let held: HTMLLinkElement[] = [];
  const hold = (ev: Event): void => {
    if (ev.target instanceof HTMLLinkElement && !released.has(ev)) {
      ev.stopPropagation();
      held.push(ev.target);
    }
  };
  const released = new WeakSet<Event>();
  const finish = (l: HTMLLinkElement, type: 'load' | 'error' = 'load'): void => {
    const ev = new Event(type);
    released.add(ev);
    l.dispatchEvent(ev);
  };
  beforeEach(() => {
    held = [];
    (window as unknown as { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }).happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
    document.addEventListener('load', hold, true);
  });
  afterEach(() => document.removeEventListener('load', hold, true));

  const link = (href: string): HTMLLinkElement => {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.setAttribute('href', href);
    document.head.append(l);
    return l;
  };
  const hrefs = (): (string | null)[] => Array.from(document.querySelectorAll('link')).map((l) => l.getAttribute('href'));

  it('swaps the matching link once the new one loads, leaves others alone', () => {
    const old = link('/app.css');
    const other = link('/other.css');
    const es = start();
    es.send({ type: 'css', href: '/app.css' });
    // Both are present until the new one has loaded: no unstyled flash.
    expect(hrefs()).toEqual(['/app.css', '/app.css?v=1234', '/other.css']);
    const fresh = held.find((l) => l.getAttribute('href') === '/app.css?v=1234')!;
    expect(fresh).toBeDefined();
    finish(fresh);
    expect(hrefs()).toEqual(['/app.css?v=1234', '/other.css']);
    expect(old.isConnected).toBe(false);
    expect(other.isConnected).toBe(true);
  });

  it('matches by path even when the page link already has a version query', () => {
    link('/app.css?v=1');
    link('/app.css.map');
    finish(swapStylesheet(document, '/app.css', 99)[0]!);
    expect(hrefs()).toEqual(['/app.css?v=99', '/app.css.map']);
  });

  it('a swap superseded before it loaded still removes the original', () => {
    link('/app.css');
    swapStylesheet(document, '/app.css', 1);
    const [second] = swapStylesheet(document, '/app.css', 2);
    expect(hrefs()).toEqual(['/app.css', '/app.css?v=1', '/app.css?v=2']);
    finish(second!);
    expect(hrefs()).toEqual(['/app.css?v=2']);
  });

  it('a failed load keeps the old sheet, and the next save can swap it again', () => {
    link('/app.css');
    finish(swapStylesheet(document, '/app.css', 1)[0]!, 'error');
    expect(hrefs()).toEqual(['/app.css']);
    finish(swapStylesheet(document, '/app.css', 2)[0]!);
    expect(hrefs()).toEqual(['/app.css?v=2']);
  });
});

describe('dev client: console, reload, reconnect', () => {
  it('reset and warn go to console.warn naming the component', () => {
    const es = start();
    es.send({ type: 'reset', component: 'Counter', file: 'app/routes/index.tsx', reason: 'its hooks changed' });
    es.send({ type: 'warn', message: 'useSignal called conditionally', component: 'Form' });
    es.send({ type: 'warn', message: 'plain warning' });
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[vango] <Counter> lost its state on hot reload (app/routes/index.tsx): its hooks changed',
      '[vango] <Form>: useSignal called conditionally',
      '[vango] plain warning',
    ]);
  });

  it('restart logs, then reloads once the stream is back (the new server is up); reload reloads', () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const es = start();
    es.dispatchEvent(new Event('open'));
    expect(reload).not.toHaveBeenCalled();
    es.send({ type: 'restart', reason: 'config changed' });
    expect(info).toHaveBeenCalledWith('[vango] dev server restarting: config changed');
    expect(reload).not.toHaveBeenCalled();
    es.dispatchEvent(new Event('open'));
    expect(reload).toHaveBeenCalledTimes(1);
    es.send({ type: 'reload', reason: 'layout changed' });
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('opens a new stream when the browser gives up on the old one', async () => {
    const es = start();
    es.readyState = 0;
    es.dispatchEvent(new Event('error'));
    await new Promise((r) => setTimeout(r, 30));
    expect(FakeEventSource.all).toHaveLength(1);
    es.readyState = 2;
    es.dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(FakeEventSource.all).toHaveLength(2));
    FakeEventSource.all[1]!.send({ type: 'problem', problem: buildProblem() });
    expect(overlay()).not.toBeNull();
  });
});
