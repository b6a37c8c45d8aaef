// @vitest-environment happy-dom
/**
 * The command ops of the patch applier (the structural ops are covered by the diff property test).
 */
import { describe, expect, it, vi } from 'vitest';
import { applyPatch } from '../../../src/client/apply.ts';
import { NodeMap } from '../../../src/client/nodes.ts';
import { Op } from '../../../src/runtime/vdom/patch.ts';
import { Kind } from '../../../src/runtime/vdom/vnode.ts';

function setup(html: string) {
  document.body.innerHTML = '<div id="vango-root"></div>';
  const root = document.getElementById('vango-root')!;
  root.innerHTML = html;
  const map = new NodeMap(root);
  map.walk(root, 1);
  return { root, map };
}

describe('applyPatch', () => {
  it('numbers raw blocks as one node and skips their content', () => {
    const { map } = setup('<p>a</p><!--[--><b>raw</b><i>x</i><!--]--><span>s</span>');
    expect((map.get(3) as Comment).data).toBe('[');
    expect((map.get(4) as Element).localName).toBe('span');
  });

  it('SetProp keeps an equal value untouched (no caret jump) and sets a different one', () => {
    const { map } = setup('<input value="abc">');
    const i = map.get(1) as HTMLInputElement;
    i.value = 'abc';
    i.setSelectionRange(1, 1);
    const set = vi.spyOn(i, 'value', 'set');
    applyPatch({ op: Op.SetProp, hid: 1, name: 'value', value: 'abc' }, map);
    expect(set).not.toHaveBeenCalled();
    expect(i.selectionStart).toBe(1);
    applyPatch({ op: Op.SetProp, hid: 1, name: 'value', value: 'xyz' }, map);
    expect(set).toHaveBeenCalledWith('xyz');
    applyPatch({ op: Op.SetProp, hid: 1, name: 'disabled', value: true }, map);
    expect(i.disabled).toBe(true);
    expect(i.getAttribute('disabled')).toBe('');
    applyPatch({ op: Op.SetProp, hid: 1, name: 'disabled', value: false }, map);
    expect(i.hasAttribute('disabled')).toBe(false);
  });

  it('refuses inline script attributes', () => {
    const { map, root } = setup('<button>b</button>');
    applyPatch({ op: Op.SetAttr, hid: 1, name: 'onclick', value: 'alert(1)' }, map);
    applyPatch({ op: Op.Insert, parent: 0, before: 0, first: 3, node: { kind: Kind.Element, tag: 'img', attrs: [['ONERROR', 'x'], ['alt', 'a']], children: [] } }, map);
    expect(root.innerHTML).toBe('<button>b</button><img alt="a">');
  });

  it('class ops, listen, focus and blur, scrollIntoView', () => {
    const { map } = setup('<input class="a"><div>d</div>');
    const i = map.get(1) as HTMLInputElement;
    applyPatch({ op: Op.AddClass, hid: 1, name: 'b' }, map);
    applyPatch({ op: Op.RemoveClass, hid: 1, name: 'a' }, map);
    applyPatch({ op: Op.ToggleClass, hid: 1, name: 'c' }, map);
    expect(i.className).toBe('b c');
    applyPatch({ op: Op.Listen, hid: 1, spec: 'input.debounce-100' }, map);
    expect(i.getAttribute('data-on')).toBe('input.debounce-100');
    applyPatch({ op: Op.Listen, hid: 1, spec: '' }, map);
    expect(i.hasAttribute('data-on')).toBe(false);
    applyPatch({ op: Op.Focus, hid: 1 }, map);
    expect(document.activeElement).toBe(i);
    applyPatch({ op: Op.Blur, hid: 1 }, map);
    expect(document.activeElement).not.toBe(i);
    const d = map.get(2) as Element;
    const scroll = vi.fn();
    (d as any).scrollIntoView = scroll;
    applyPatch({ op: Op.ScrollIntoView, hid: 2, smooth: true }, map);
    expect(scroll).toHaveBeenCalledWith({ behavior: 'smooth', block: 'nearest' });
  });

  it('Dispatch fires a bubbling CustomEvent with the parsed detail', () => {
    const { map, root } = setup('<div>d</div>');
    const got: unknown[] = [];
    root.addEventListener('picked', (e) => got.push((e as CustomEvent).detail));
    applyPatch({ op: Op.Dispatch, hid: 1, name: 'picked', detail: '{"a":1}' }, map);
    applyPatch({ op: Op.Dispatch, hid: 1, name: 'picked', detail: 'not json' }, map);
    expect(got).toEqual([{ a: 1 }, 'not json']);
  });

  it('URL and hook commands go to the host', () => {
    const { map } = setup('<canvas></canvas>');
    const url = vi.fn();
    const hookEvent = vi.fn();
    applyPatch({ op: Op.UrlPush, url: '/x' }, map, { url, hookEvent });
    applyPatch({ op: Op.UrlReplace, url: '/y' }, map, { url, hookEvent });
    applyPatch({ op: Op.HookEvent, hid: 1, name: 'n', payload: '1' }, map, { url, hookEvent });
    expect(url.mock.calls).toEqual([['/x', false], ['/y', true]]);
    expect(hookEvent).toHaveBeenCalledWith(map.get(1), 'n', '1');
  });

  it('throws on an unknown hid', () => {
    const { map } = setup('<p>a</p>');
    expect(() => applyPatch({ op: Op.SetText, hid: 9, text: 'x' }, map)).toThrow(/unknown node 9/);
    expect(() => applyPatch({ op: Op.Focus, hid: 9 }, map)).toThrow();
  });
});
