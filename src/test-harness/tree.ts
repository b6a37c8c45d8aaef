/** Walking a mounted vnode tree: elements in document order, text content, parents. */
import { Kind, type VElement, type VNode } from '../runtime/vdom/vnode.ts';

/** Text content of a vnode (components contribute their rendered output). */
export function textOf(v: VNode): string {
  switch (v.kind) {
    case Kind.Text:
      return v.text;
    case Kind.Element:
    case Kind.Fragment:
      return v.children.map(textOf).join('');
    case Kind.Component:
      return v.instance ? textOf(v.instance.out) : '';
    default:
      return '';
  }
}

/** The element children of a vnode, looking through fragments and components. */
export function childElements(v: VNode): VElement[] {
  const out: VElement[] = [];
  const visit = (n: VNode): void => {
    if (n.kind === Kind.Element) out.push(n);
    else if (n.kind === Kind.Fragment) n.children.forEach(visit);
    else if (n.kind === Kind.Component && n.instance) visit(n.instance.out);
  };
  if (v.kind === Kind.Element || v.kind === Kind.Fragment) v.children.forEach(visit);
  else visit(v);
  return out;
}

/** Every element under `top` in document order, with a map to each one's parent element. */
export function elementsOf(top: VNode): { list: VElement[]; parent: Map<VElement, VElement | undefined> } {
  const list: VElement[] = [];
  const parent = new Map<VElement, VElement | undefined>();
  const walk = (els: VElement[], p: VElement | undefined): void => {
    for (const el of els) {
      list.push(el);
      parent.set(el, p);
      walk(childElements(el), el);
    }
  };
  walk(top.kind === Kind.Element ? [top] : childElements(top), undefined);
  return { list, parent };
}
