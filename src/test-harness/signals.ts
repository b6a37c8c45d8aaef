/**
 * Signals of a mounted tree by name, for assertions: `signal(0, { name: 'count' })` reads as
 * `view.signal('count')`. Unnamed signals are listed as `Component#n` (n-th signal of the component).
 */
import type { ComponentInstance } from '../runtime/vdom/component.ts';
import { Kind, type VNode } from '../runtime/vdom/vnode.ts';

export interface FoundSignal {
  /** The signal's name, or `Component#n`. */
  label: string;
  component: string;
  peek(): unknown;
}

/** Every signal held by the components mounted under `top`, in tree order. */
export function signalsOf(top: VNode): FoundSignal[] {
  const out: FoundSignal[] = [];
  const walk = (v: VNode): void => {
    if (v.kind === Kind.Component) {
      const inst = v.instance as ComponentInstance | undefined;
      if (!inst) return;
      let n = 0;
      for (const slot of inst.owner.slotList()) {
        if (slot.kind !== 'signal') continue;
        const s = slot.node as { name: string | undefined; peek(): unknown };
        out.push({ label: s.name ?? `${inst.owner.name ?? 'component'}#${n}`, component: inst.owner.name ?? 'component', peek: () => s.peek() });
        n++;
      }
      walk(inst.out);
    } else if (v.kind === Kind.Element || v.kind === Kind.Fragment) {
      v.children.forEach(walk);
    }
  };
  walk(top);
  return out;
}

/** The current value of the signal labelled `name` (the first in tree order); throws listing the labels when none. */
export function readSignal(top: VNode, name: string): unknown {
  const all = signalsOf(top);
  const hit = all.find((s) => s.label === name);
  if (!hit) {
    const labels = all.map((s) => s.label).join(', ') || 'none';
    throw new Error(`No signal named ${JSON.stringify(name)} is mounted. Signals: ${labels}. Name one with signal(value, { name: '${name}' }).`);
  }
  return hit.peek();
}
