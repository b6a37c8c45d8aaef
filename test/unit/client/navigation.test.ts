// @vitest-environment happy-dom
/**
 * Live navigation in the client: which link clicks become Navigate events, history changing only when
 * the server's UrlPush / UrlReplace arrives, the scroll that follows, back/forward, and the server's
 * `vango:navigate` and `vango:title` dispatches.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { revert } from '../../../src/client/optimistic.ts';
import { EventKind } from '../../../src/runtime/protocol/events.ts';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import { boot, eventsOf, patches, type FakeSocket } from './fake.ts';

const navigations = (s: FakeSocket) => eventsOf(s).filter((f) => f.event.kind === EventKind.Navigate).map((f) => f.event);

/** Whether the last click reached the window with its default prevented (then prevented, so nothing navigates). */
let prevented: boolean[] = [];
const onWindow = (e: Event) => {
  prevented.push(e.defaultPrevented);
  e.preventDefault();
};

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  prevented = [];
  addEventListener('click', onWindow);
});
afterEach(() => {
  removeEventListener('click', onWindow);
  revert(Number.MAX_SAFE_INTEGER);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

// (No #hash on the intercepted link: happy-dom follows a link before the click bubbles, unlike a
// browser, which would make it an anchor on the current page; test/e2e covers hashes.)
const LINKS =
  '<nav><a id="plain" href="/b?x=1"><span id="inner">b</span></a><a id="blank" href="/b" target="_blank">x</a>' +
  '<a id="self" href="/c" target="_self">c</a><a id="dl" href="/f" download>f</a><a id="reload" href="/b" data-vango-reload>r</a>' +
  '<a id="ext" href="https://elsewhere.example/b">e</a><a id="anchor" href="#top">t</a><a id="none">n</a></nav>';

const click = (el: Element, init: MouseEventInit = {}) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));

describe('link clicks', () => {
  it('sends a same-origin link as a Navigate event and leaves the history alone until the server answers', () => {
    const { root, ws } = boot(LINKS);
    const push = vi.spyOn(history, 'pushState');
    click(root.querySelector('#inner')!);
    click(root.querySelector('#self')!);
    expect(prevented).toEqual([true, true]);
    expect(navigations(ws.last())).toEqual([
      { kind: EventKind.Navigate, hid: 0, path: '/b?x=1', replace: false },
      { kind: EventKind.Navigate, hid: 0, path: '/c', replace: false },
    ]);
    // (The address itself is checked in Chromium: happy-dom moves it on the anchor before the click bubbles.)
    expect(push).not.toHaveBeenCalled();
  });

  it('leaves alone what a plain click would not follow in place: targets, downloads, opt-outs, modifiers, other origins, anchors', () => {
    const { root, ws } = boot(LINKS);
    const $ = (id: string) => root.querySelector('#' + id)!;
    for (const id of ['blank', 'dl', 'reload', 'ext', 'anchor', 'none']) click($(id));
    click($('plain'), { ctrlKey: true });
    click($('plain'), { metaKey: true });
    click($('plain'), { shiftKey: true });
    click($('plain'), { button: 1 });
    expect(prevented.every((p) => !p)).toBe(true);
    expect(prevented).toHaveLength(10);
    expect(navigations(ws.last())).toEqual([]);
  });

  it('does not intercept before the socket is connected, nor a click the page prevented', () => {
    const { root, ws } = boot(LINKS, { connect: false });
    click(root.querySelector('#plain')!);
    expect(prevented).toEqual([false]);
    ws.last().open();
    ws.last().recv(new Uint8Array(0)); // garbage: still not connected
    const link = root.querySelector('#plain')!;
    link.addEventListener('click', (e) => e.preventDefault());
    click(link);
    expect(navigations(ws.last())).toEqual([]);
  });
});

describe('<Link prefetch>', () => {
  const prefetches = (s: FakeSocket) =>
    eventsOf(s).filter((f) => f.event.kind === EventKind.Custom && f.event.hid === 0 && f.event.name === 'vango:prefetch').map((f) => (f.event as { payload: string }).payload);
  const PRE =
    '<nav><a id="p" href="/b?x=1" data-prefetch><span id="pi">b</span></a><a id="q" href="/c" data-prefetch>c</a>' +
    '<a id="plain" href="/d">d</a><a id="ext" href="https://elsewhere.example/b" data-prefetch>e</a>' +
    '<a id="blank" href="/e" target="_blank" data-prefetch>x</a><a id="here" href="/" data-prefetch>here</a></nav>';
  const over = (el: Element) => el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
  const focus = (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));

  it('asks for a prefetch on the first hover or focus of a data-prefetch link, once per path', () => {
    history.replaceState(null, '', '/');
    const { root, ws } = boot(PRE);
    const $ = (id: string) => root.querySelector('#' + id)!;
    over($('pi'));
    over($('p'));
    focus($('p'));
    focus($('q'));
    over($('q'));
    expect(prefetches(ws.last())).toEqual(['/b?x=1', '/c']);
    // A hint, not a navigation: nothing was prevented or navigated.
    expect(navigations(ws.last())).toEqual([]);
  });

  it('ignores links live navigation would not follow, plain links and the current page', () => {
    history.replaceState(null, '', '/');
    const { root, ws } = boot(PRE);
    for (const id of ['plain', 'ext', 'blank', 'here']) over(root.querySelector('#' + id)!);
    expect(prefetches(ws.last())).toEqual([]);
  });

  it('sends nothing before the socket is connected', () => {
    history.replaceState(null, '', '/');
    const { root, ws } = boot(PRE, { connect: false });
    over(root.querySelector('#p')!);
    ws.last().open();
    expect(prefetches(ws.last())).toEqual([]);
  });

  it('asks again after a navigation', () => {
    history.replaceState(null, '', '/');
    const { root, ws } = boot(PRE);
    over(root.querySelector('#q')!);
    ws.last().recv(patches(1, [{ op: Op.UrlPush, url: '/z' }]));
    over(root.querySelector('#q')!);
    expect(prefetches(ws.last())).toEqual(['/c', '/c']);
  });
});

describe('history and scroll', () => {
  it('UrlPush saves the scroll in the leaving entry, pushes, then scrolls to the top after the frame', async () => {
    const { ws } = boot('<main>x</main>');
    const calls: string[] = [];
    vi.spyOn(history, 'replaceState').mockImplementation((s) => void calls.push('replace ' + JSON.stringify(s)));
    vi.spyOn(history, 'pushState').mockImplementation((_s, _t, u) => void calls.push('push ' + u));
    vi.spyOn(window, 'scrollTo').mockImplementation(() => void calls.push('scrollTo'));
    ws.last().recv(patches(1, [{ op: Op.UrlPush, url: '/b' }, { op: Op.SetText, hid: 2, text: 'page b' }]));
    expect(calls).toEqual([`replace {"y":${scrollY}}`, 'push /b', 'scrollTo']);
    expect(document.querySelector('main')!.textContent).toBe('page b');
  });

  it('back/forward sends a replace and restores the saved scroll once the server answers', async () => {
    const { ws } = boot('<main>x</main>');
    history.replaceState(null, '', '/previous?p=1#h'); // the browser moved to the popped entry
    const replace = vi.spyOn(history, 'replaceState').mockImplementation(() => {});
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    dispatchEvent(new PopStateEvent('popstate', { state: { y: 420 } }));
    expect(navigations(ws.last())).toEqual([{ kind: EventKind.Navigate, hid: 0, path: '/previous?p=1#h', replace: true }]);
    expect(scroll).not.toHaveBeenCalled();
    ws.last().recv(patches(1, [{ op: Op.UrlReplace, url: '/a' }]));
    expect(replace).toHaveBeenCalledWith(null, '', '/a');
    expect(scroll).toHaveBeenCalledWith(0, 420);
    // An app's own UrlReplace later does not scroll.
    ws.last().recv(patches(2, [{ op: Op.UrlReplace, url: '/a?tab=2' }]));
    expect(scroll).toHaveBeenCalledTimes(1);
  });

  it('back/forward between entries of the same page (only the #hash differs) is left to the browser', () => {
    const { ws } = boot('<main>x</main>');
    history.replaceState(null, '', location.pathname + location.search + '#a');
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(navigations(ws.last())).toEqual([]);
    history.replaceState(null, '', '/elsewhere');
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(navigations(ws.last())).toEqual([{ kind: EventKind.Navigate, hid: 0, path: '/elsewhere', replace: true }]);
  });

  it('the server\'s vango:title dispatch sets the title; vango:navigate loads the URL', async () => {
    const { ws } = boot('<main>x</main>');
    const loads: string[] = [];
    document.addEventListener('vango:navigate', (e) => loads.push((e as CustomEvent).detail), { once: true });
    ws.last().recv(patches(1, [{ op: Op.Dispatch, hid: 0, name: 'vango:title', detail: '"Page B"' }]));
    expect(document.title).toBe('Page B');
    const assign = vi.spyOn(location, 'assign').mockImplementation(() => {});
    ws.last().recv(patches(2, [{ op: Op.Dispatch, hid: 0, name: 'vango:navigate', detail: '"/api/x"' }]));
    expect(loads).toEqual(['/api/x']);
    expect(assign).toHaveBeenCalledWith('/api/x');
  });
});
