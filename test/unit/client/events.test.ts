// @vitest-environment happy-dom
/**
 * Event delegation: which elements get which events, with which modifiers, and what goes on the wire.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { revert } from '../../../src/client/optimistic.ts';
import { EventKind } from '../../../src/runtime/protocol/events.ts';
import { Op, type WireNode } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { start } from '../../../src/client/client.ts';
import { BOOT, boot, eventsOf, fakeWS, hello, page, patches } from './fake.ts';

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => {
  revert(Number.MAX_SAFE_INTEGER);
  vi.useRealTimers();
});

/** [kind, hid] of the events sent so far. */
function sent(ws: ReturnType<typeof fakeWS>) {
  return eventsOf(ws.last()).map((e) => [e.event.kind, e.event.hid]);
}

describe('delegation', () => {
  it('listens on the root only for declared types and sends the declaring element hid', () => {
    // div 1 (button 2 (span 3 (text 4))), p 5 (text 6)
    const root = page('<div><button data-hid="2" data-on="click"><span>go</span></button></div><p>x</p>');
    const add = vi.spyOn(root, 'addEventListener');
    const ws = fakeWS();
    start({ root, boot: BOOT, WS: ws.WS });
    ws.last().open();
    ws.last().recv(hello(1));
    const onRoot = add.mock.calls.map((c) => [c[0], !!c[2]]);
    // Bubble phase for bubbling events, capture phase for the others.
    expect(onRoot).toEqual([['click', false], ['click', true]]);
    root.querySelector('span')!.click();
    root.querySelector('p')!.click();
    root.querySelector('button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(sent(ws)).toEqual([[EventKind.Click, 2]]);
  });

  it('bubbles to every declaring ancestor, as the DOM would, until one stops', () => {
    // section 1 (div 2 (button 3 (text 4)))
    const { root, ws } = boot('<section data-hid="1" data-on="click"><div data-hid="2" data-on="click"><button data-hid="3" data-on="click">b</button></div></section>');
    const outside = vi.fn();
    document.body.addEventListener('click', outside);
    root.querySelector('button')!.click();
    expect(sent(ws)).toEqual([[EventKind.Click, 3], [EventKind.Click, 2], [EventKind.Click, 1]]);
    expect(outside).toHaveBeenCalledTimes(1);
    root.querySelector('div')!.setAttribute('data-on', 'click.stop');
    root.querySelector('button')!.click();
    expect(sent(ws).slice(3)).toEqual([[EventKind.Click, 3], [EventKind.Click, 2]]);
    expect(outside).toHaveBeenCalledTimes(1);
  });

  it('.prevent cancels the default; submit is always cancelled', () => {
    const { root, ws } = boot('<a href="#x" data-hid="1" data-on="click.prevent">a</a><form data-hid="3" data-on="submit"><input name="q" value="v"></form>');
    const a = new MouseEvent('click', { bubbles: true, cancelable: true });
    root.querySelector('a')!.dispatchEvent(a);
    expect(a.defaultPrevented).toBe(true);
    const s = new SubmitEvent('submit', { bubbles: true, cancelable: true });
    root.querySelector('form')!.dispatchEvent(s);
    expect(s.defaultPrevented).toBe(true);
    expect(eventsOf(ws.last())[1]!.event).toEqual({ kind: EventKind.Submit, hid: 3, fields: [['q', 'v']] });
  });

  it('.self only fires for the element itself', () => {
    const { root, ws } = boot('<div data-hid="1" data-on="click.self"><button>b</button></div>');
    root.querySelector('button')!.click();
    expect(sent(ws)).toEqual([]);
    root.querySelector('div')!.click();
    expect(sent(ws)).toEqual([[EventKind.Click, 1]]);
  });

  it('.once fires once per element', () => {
    const { root, ws } = boot('<button data-hid="1" data-on="click.once">a</button><button data-hid="3" data-on="click.once">b</button>');
    const [a, b] = root.querySelectorAll('button');
    a!.click();
    a!.click();
    b!.click();
    expect(sent(ws)).toEqual([[EventKind.Click, 1], [EventKind.Click, 3]]);
  });

  it('.key-X filters keyboard events', () => {
    const { root, ws } = boot('<input data-hid="1" data-on="keydown.key-Enter.key-Escape keyup">');
    const i = root.querySelector('input')!;
    for (const key of ['a', 'Enter', 'b', 'Escape']) i.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    i.dispatchEvent(new KeyboardEvent('keyup', { key: 'z', bubbles: true }));
    expect(eventsOf(ws.last()).map((e) => (e.event as { key: string }).key)).toEqual(['Enter', 'Escape', 'z']);
  });

  it('.debounce-N sends the last event once they stop', () => {
    const { root, ws } = boot('<input data-hid="1" data-on="input.debounce-200">');
    const i = root.querySelector('input')!;
    for (const v of ['a', 'ab', 'abc']) {
      i.value = v;
      i.dispatchEvent(new Event('input', { bubbles: true }));
      vi.advanceTimersByTime(150);
    }
    expect(sent(ws)).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(eventsOf(ws.last()).map((e) => (e.event as { value: string }).value)).toEqual(['abc']);
  });

  it('.throttle-N sends at most one per window, the latest of it', () => {
    const { root, ws } = boot('<div data-hid="1" data-on="mousemove.throttle-100"></div>');
    const d = root.querySelector('div')!;
    for (let x = 1; x <= 25; x++) {
      d.dispatchEvent(new MouseEvent('mousemove', { clientX: x, bubbles: true }));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(100);
    const xs = eventsOf(ws.last()).map((e) => (e.event as { x: number }).x);
    expect(xs).toEqual([10, 20, 25]);
  });

  it('non-bubbling events (focus, blur, scroll, mouseenter) reach their target only', () => {
    const { root, ws } = boot('<div data-hid="1" data-on="focus scroll mouseenter"><input data-hid="2" data-on="focus blur"></div>');
    const i = root.querySelector('input')!;
    i.focus();
    i.blur();
    root.querySelector('div')!.dispatchEvent(new Event('scroll'));
    i.dispatchEvent(new MouseEvent('mouseenter'));
    root.querySelector('div')!.dispatchEvent(new MouseEvent('mouseenter'));
    expect(sent(ws)).toEqual([[EventKind.Focus, 2], [EventKind.Blur, 2], [EventKind.Scroll, 1], [EventKind.MouseEnter, 1]]);
  });

  it('custom events are sent by name', () => {
    const { root, ws } = boot('<div data-hid="1" data-on="picked"><span></span></div>');
    root.querySelector('span')!.dispatchEvent(new CustomEvent('picked', { bubbles: true, detail: [1, 2] }));
    expect(eventsOf(ws.last())[0]!.event).toEqual({ kind: EventKind.Custom, hid: 1, name: 'picked', payload: '[1,2]' });
  });

  it('listens for event types that arrive with patches', () => {
    const { root, ws } = boot('<ul></ul><p data-hid="2" data-on="click">p</p>');
    const li: WireNode = { kind: Kind.Element, tag: 'li', attrs: [['data-hid', '4'], ['data-on', 'dblclick']], children: [{ kind: Kind.Text, text: 'x' }] };
    ws.last().recv(patches(1, [{ op: Op.Insert, parent: 1, before: 0, first: 4, node: li }, { op: Op.Listen, hid: 2, spec: 'click contextmenu' }]));
    root.querySelector('li')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    root.querySelector('p')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    expect(sent(ws)).toEqual([[EventKind.DblClick, 4], [EventKind.ContextMenu, 2]]);
    ws.last().recv(patches(2, [{ op: Op.Listen, hid: 2, spec: '' }]));
    root.querySelector('p')!.click();
    expect(sent(ws)).toHaveLength(2);
  });

  it('an event on a removed node is not sent', () => {
    const { root, ws } = boot('<button data-hid="1" data-on="click">x</button>');
    const b = root.querySelector('button')!;
    ws.last().recv(patches(1, [{ op: Op.Remove, hid: 1 }]));
    b.click();
    expect(sent(ws)).toEqual([]);
  });
});
