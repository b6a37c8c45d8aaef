/**
 * A component that throws while an update mounts it is contained: reported, mounted empty, and the
 * rest of the update (siblings, patches) goes through; the tree stays consistent for later updates.
 * A throw during the first mount of a page still fails the mount.
 */
import { describe, expect, it } from 'vitest';
import { signal } from '../../../src/runtime/reactive/index.ts';
import { renderMounted } from '../../../src/runtime/render/serialize.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import type { Component } from '../../../src/runtime/vdom/vnode.ts';

describe('errors while an update mounts a component', () => {
  it('are reported, the component mounts empty, and the rest of the update is applied', () => {
    const broken = signal(true);
    const Widget: Component = () => {
      if (broken.get()) throw new Error('widget failed');
      return h('em', null, 'widget ok');
    };
    const show = signal(false);
    const count = signal(0);
    const Page: Component = () => h('div', null, h('p', null, `count ${count.get()}`), show.get() ? h(Widget, null) : null, h('footer', null, 'end'));
    const errors: unknown[] = [];
    const root = new Root({ onRenderError: (e) => errors.push(e) });
    root.mount(h(Page, null));
    show.set(true);
    count.set(1);
    const patches = root.flush();
    expect(errors.map((e) => (e as Error).message)).toEqual(['widget failed']);
    expect(patches.length).toBeGreaterThan(0);
    expect(renderMounted(root.top!)).toContain('count 1');
    expect(renderMounted(root.top!)).not.toContain('widget');
    broken.set(false);
    count.set(2);
    root.flush();
    expect(renderMounted(root.top!)).toContain('count 2');
    expect(renderMounted(root.top!)).toContain('<em>widget ok</em>');
  });

  it('fail the first mount of a page (the request answers with the error page)', () => {
    const Bad: Component = () => {
      throw new Error('no');
    };
    expect(() => new Root().mount(h('div', null, h(Bad, null)))).toThrow('no');
  });
});
