import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effect, memo, signal } from '../../../src/runtime/reactive/index.ts';
import { HotRegistry, installHotRegistry, type HotReset } from '../../../src/runtime/dev/hot.ts';
import { renderMounted } from '../../../src/runtime/render/serialize.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import { Root } from '../../../src/runtime/vdom/root.ts';
import { Kind, setComponentResolver, type Component } from '../../../src/runtime/vdom/vnode.ts';

let registry: HotRegistry;
let resets: HotReset[];

beforeEach(() => {
  registry = installHotRegistry(new HotRegistry());
  resets = [];
  registry.onReset = (r) => resets.push(r);
  setComponentResolver((c) => registry.resolve(c));
});
afterEach(() => {
  setComponentResolver(undefined);
  delete (globalThis as Record<string, unknown>).__VANGO_HOT__;
});

function setup(node: () => ReturnType<typeof h>) {
  const root = new Root();
  root.mount(node());
  const html = () => renderMounted(root.top!);
  const click = (text: string) => {
    const el = [...root.interactive.values()].find((e) => e.children.some((c) => c.kind === Kind.Text && c.text.includes(text)))!;
    root.dispatch(el.hid!, 'click', {});
    root.flush();
  };
  const swap = (file: string, exports: Record<string, unknown>) => {
    registry.register(file, exports);
    const n = root.hotSwap((c) => registry.resolve(c));
    return { swapped: n, patches: root.flush() };
  };
  return { root, html, click, swap };
}

describe('hot swap', () => {
  it('keeps signal values when the layout is unchanged and renders the new markup', () => {
    const V1: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `v1 count ${n.get()}`);
    };
    registry.register('counter.tsx', { Counter: V1 });
    const t = setup(() => h(V1, null));
    for (let i = 0; i < 5; i++) t.click('count');
    expect(t.html()).toContain('v1 count 5');
    const V2: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `v2 count ${n.get()}`);
    };
    const r = t.swap('counter.tsx', { Counter: V2 });
    expect(r.swapped).toBe(1);
    expect(t.html()).toContain('v2 count 5');
    expect(r.patches.length).toBeGreaterThan(0);
    expect(resets).toEqual([]);
    t.click('count');
    expect(t.html()).toContain('v2 count 6');
  });

  it('starts a component over when its signal layout changed, and reports why', () => {
    const V1: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `count ${n.get()}`);
    };
    registry.register('c.tsx', { Counter: V1 });
    const t = setup(() => h(V1, null));
    t.click('count');
    t.click('count');
    const V2: Component = () => {
      const label = signal('hits');
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `${label.get()} count ${n.get()}`);
    };
    t.swap('c.tsx', { Counter: V2 });
    expect(t.html()).toContain('hits count 0');
    expect(resets).toHaveLength(1);
    expect(resets[0]!.identity).toBe('c.tsx#Counter');
    expect(resets[0]!.reason).toMatch(/\[signal\] to \[signal, signal\]/);
  });

  it('recreates memos and effects with the new code (old effects cleaned up)', () => {
    const log: string[] = [];
    const V1: Component = () => {
      const n = signal(2);
      const d = memo(() => n.get() * 2);
      effect(() => {
        log.push(`v1 run ${n.get()}`);
        return () => log.push('v1 cleanup');
      });
      return h('button', { onClick: () => n.inc() }, `value ${d.get()}`);
    };
    registry.register('m.tsx', { M: V1 });
    const t = setup(() => h(V1, null));
    t.click('value');
    expect(t.html()).toContain('value 6');
    const V2: Component = () => {
      const n = signal(2);
      const d = memo(() => n.get() * 10);
      effect(() => {
        log.push(`v2 run ${n.get()}`);
      });
      return h('button', { onClick: () => n.inc() }, `value ${d.get()}`);
    };
    t.swap('m.tsx', { M: V2 });
    expect(t.html()).toContain('value 30');
    expect(log).toContain('v1 cleanup');
    expect(log.at(-1)).toBe('v2 run 3');
    const before = log.length;
    t.click('value');
    expect(t.html()).toContain('value 40');
    expect(log.slice(before)).toEqual(['v2 run 4']);
  });

  it("keeps a child's state when only the parent module changed, and a parent's when only the child changed", () => {
    const Child1: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `child ${n.get()}`);
    };
    const Parent1: Component = () => {
      const open = signal(true);
      return h('section', null, h('button', { onClick: () => open.toggle() }, `parent ${open.get()}`), h(Child1, null));
    };
    registry.register('child.tsx', { Child: Child1 });
    registry.register('parent.tsx', { Parent: Parent1 });
    const t = setup(() => h(Parent1, null));
    t.click('child');
    t.click('child');
    t.click('parent');
    const Parent2: Component = () => {
      const open = signal(true);
      // Still references the old child function: the resolver maps it to the newest version.
      return h('section', { class: 'v2' }, h('button', { onClick: () => open.toggle() }, `parent ${open.get()}`), h(Child1, null));
    };
    t.swap('parent.tsx', { Parent: Parent2 });
    expect(t.html()).toContain('class="v2"');
    expect(t.html()).toContain('parent false');
    expect(t.html()).toContain('child 2');
    const Child2: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `kid ${n.get()}`);
    };
    t.swap('child.tsx', { Child: Child2 });
    expect(t.html()).toContain('kid 2');
    expect(t.html()).toContain('parent false');
  });

  it('a render error in the new code keeps the state for the next good version', () => {
    const V1: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `ok ${n.get()}`);
    };
    registry.register('e.tsx', { E: V1 });
    const errors: unknown[] = [];
    const root = new Root({ onRenderError: (e) => errors.push(e) });
    root.mount(h(V1, null));
    const el = [...root.interactive.values()][0]!;
    root.dispatch(el.hid!, 'click', {});
    root.dispatch(el.hid!, 'click', {});
    root.flush();
    const Broken: Component = () => {
      signal(0);
      throw new Error('typo');
    };
    registry.register('e.tsx', { E: Broken });
    root.hotSwap((c) => registry.resolve(c));
    root.flush();
    expect(errors).toHaveLength(1);
    const V3: Component = () => {
      const n = signal(0);
      return h('button', { onClick: () => n.inc() }, `fixed ${n.get()}`);
    };
    registry.register('e.tsx', { E: V3 });
    root.hotSwap((c) => registry.resolve(c));
    root.flush();
    expect(renderMounted(root.top!)).toContain('fixed 2');
  });

  it('unregistered components are left alone', () => {
    const Local: Component = () => h('p', null, 'local');
    const t = setup(() => h(Local, null));
    expect(t.swap('x.tsx', {}).swapped).toBe(0);
    expect(t.html()).toContain('local');
  });
});
