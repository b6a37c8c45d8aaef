// @vitest-environment happy-dom
/**
 * Raw HTML that itself contains the raw-block marker comments must not end the block early for the
 * client's walk: the nodes after it keep the ids the server gave them.
 */
import { describe, expect, it } from 'vitest';
import { NodeMap } from '../../../src/client/nodes.ts';
import { renderMounted } from '../../../src/runtime/render/serialize.ts';
import { h, raw } from '../../../src/runtime/vdom/h.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';

describe('raw HTML containing marker comments', () => {
  it.each(['<b>x</b><!--]--><i>y</i>', '<!--[--><b>x</b><!--]-->', 'a<!--[-->b<!--]-->c<!--]-->'])('keeps the walk in step: %s', (html) => {
    const root = new Root();
    root.mount(h('main', null, h('div', null, raw(html)), h('button', { onClick: () => {} }, 'go'), h('p', null, 'after')));
    const button = [...root.interactive.values()][0]!;
    const host = document.createElement('div');
    host.innerHTML = renderMounted(root.top!);
    const map = new NodeMap(host);
    map.walk(host, 1);
    const node = map.get(button.hid!) as Element;
    expect(node.nodeName).toBe('BUTTON');
    expect(node.textContent).toBe('go');
    // The content reads the same; only the marker comments gained a space.
    expect(host.querySelector('div')!.textContent).toBe(document.createRange().createContextualFragment(html).textContent);
  });
});
