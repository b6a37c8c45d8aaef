// @vitest-environment happy-dom
/**
 * Client hooks through the client: mounted on boot and for inserted elements, updated when a patch
 * changes attributes, destroyed when removed, events both ways.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HookContext } from '../../../src/client/hooks.ts';
import { encodeResyncFull } from '../../../src/runtime/protocol/encode-s2c.ts';
import { EventKind } from '../../../src/runtime/protocol/events.ts';
import { Op, type WireNode } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';
import { boot, eventsOf, patches } from './fake.ts';

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
});
afterEach(() => vi.useRealTimers());

let n = 0;
/** A hook under a fresh name that records its calls. */
function recorder() {
  const name = 'Rec' + ++n;
  const log: [string, Element, unknown?][] = [];
  const ctxs = new Map<Element, HookContext>();
  const hook = {
    mounted: (el: Element, ctx: HookContext) => (log.push(['mounted', el, ctx.config]), ctxs.set(el, ctx)),
    updated: (el: Element, ctx: HookContext) => log.push(['updated', el, ctx.config]),
    destroyed: (el: Element) => log.push(['destroyed', el]),
  };
  return { name, log, ctxs, hook };
}

describe('client hooks', () => {
  it('mounts elements already on the page when the hook is registered, with their config', () => {
    const r = recorder();
    const { root, api } = boot(`<div data-hid="1" data-hook="${r.name}" data-hook-config='{"max":3}'></div><div data-hid="2" data-hook="Other"></div>`);
    expect(r.log).toEqual([]);
    api.hooks.register(r.name, r.hook);
    expect(r.log).toEqual([['mounted', root.firstElementChild, { max: 3 }]]);
    api.hooks.register(r.name, r.hook);
    expect(r.log).toHaveLength(1);
  });

  it('mounts inserted elements, updates on attribute patches (once per frame), destroys removed ones', () => {
    const r = recorder();
    const { root, api, ws } = boot('<ul></ul>');
    api.hooks.register(r.name, r.hook);
    const li: WireNode = { kind: Kind.Element, tag: 'li', attrs: [['data-hid', '2'], ['data-hook', r.name], ['data-hook-config', '1']], children: [{ kind: Kind.Text, text: 'x' }] };
    ws.last().recv(patches(1, [{ op: Op.Insert, parent: 1, before: 0, first: 2, node: li }]));
    const el = root.querySelector('li')!;
    expect(r.log).toEqual([['mounted', el, 1]]);
    ws.last().recv(patches(2, [
      { op: Op.SetAttr, hid: 2, name: 'data-hook-config', value: '2' },
      { op: Op.AddClass, hid: 2, name: 'on' },
      { op: Op.SetText, hid: 3, text: 'y' },
    ]));
    expect(r.log.slice(1)).toEqual([['updated', el, 2]]);
    ws.last().recv(patches(3, [{ op: Op.SetText, hid: 3, text: 'z' }]));
    expect(r.log).toHaveLength(2);
    ws.last().recv(patches(4, [{ op: Op.Remove, hid: 2 }]));
    expect(r.log.slice(2)).toEqual([['destroyed', el]]);
  });

  it('a full resync destroys the old elements and mounts the new ones', () => {
    const r = recorder();
    const { root, api, ws } = boot(`<div data-hid="1" data-hook="${r.name}"></div>`);
    api.hooks.register(r.name, r.hook);
    const old = root.firstElementChild!;
    ws.last().recv(encodeResyncFull(3, [{ kind: Kind.Element, tag: 'div', attrs: [['data-hid', '1'], ['data-hook', r.name]], children: [] }]));
    expect(r.log.map((l) => l[0])).toEqual(['mounted', 'destroyed', 'mounted']);
    expect(r.log[1]![1]).toBe(old);
    expect(r.log[2]![1]).toBe(root.firstElementChild);
  });

  it('pushEvent sends a Hook event for the element; handleEvent receives HookEvent commands', () => {
    const r = recorder();
    const { api, ws } = boot(`<canvas data-hid="1" data-hook="${r.name}"></canvas>`);
    api.hooks.register(r.name, r.hook);
    const ctx = [...r.ctxs.values()][0]!;
    ctx.pushEvent('drawn', { points: [1, 2] });
    ctx.pushEvent('cleared');
    expect(eventsOf(ws.last()).map((e) => e.event)).toEqual([
      { kind: EventKind.Hook, hid: 1, name: 'drawn', payload: '{"points":[1,2]}' },
      { kind: EventKind.Hook, hid: 1, name: 'cleared', payload: 'null' },
    ]);
    const got: unknown[] = [];
    ctx.handleEvent('zoom', (p) => got.push(p));
    ws.last().recv(patches(1, [{ op: Op.HookEvent, hid: 1, name: 'zoom', payload: '{"level":2}' }, { op: Op.HookEvent, hid: 1, name: 'other', payload: '1' }]));
    expect(got).toEqual([{ level: 2 }]);
  });

  it('a hook that throws does not stop the patches', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const name = 'Broken' + ++n;
    const { root, api, ws } = boot(`<p data-hid="1" data-hook="${name}">a</p>`);
    api.hooks.register(name, {
      mounted: () => {
        throw new Error('mount');
      },
      updated: () => {
        throw new Error('update');
      },
    });
    ws.last().recv(patches(1, [{ op: Op.SetAttr, hid: 1, name: 'title', value: 't' }, { op: Op.SetText, hid: 2, text: 'b' }]));
    ws.last().recv(patches(2, [{ op: Op.SetText, hid: 2, text: 'c' }]));
    expect(root.textContent).toBe('c');
    expect(err).toHaveBeenCalledTimes(2);
    err.mockRestore();
  });
});
