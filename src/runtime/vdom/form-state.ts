/**
 * What the user typed is in the browser's fields, not in the server's tree: a field rendered with
 * `value=""` and then typed into still has `value=""` on the server, so re-rendering it with `""`
 * (clearing a form after a submit) would produce no patch and the text would stay. Before a handler
 * runs, the values the event reports are written into the tree the diff compares against, so the next
 * render patches exactly what differs from the page as the user sees it.
 */
import { Kind, type VElement, type VNode } from './vnode.ts';

const FIELDS = new Set(['input', 'textarea', 'select']);

function setProp(el: VElement, name: string, value: unknown): void {
  if (el.props[name] === value) return;
  // A new object: props may be shared with vnodes the app keeps (a hoisted attribute object).
  (el as { props: Record<string, unknown> }).props = { ...el.props, [name]: value };
}

function fieldsIn(v: VNode, out: VElement[]): VElement[] {
  if (v.kind === Kind.Element) {
    if (FIELDS.has(v.tag) && typeof v.props.name === 'string') out.push(v);
    for (const c of v.children) fieldsIn(c, out);
  } else if (v.kind === Kind.Fragment) for (const c of v.children) fieldsIn(c, out);
  else if (v.kind === Kind.Component && v.instance) fieldsIn(v.instance.out as VNode, out);
  return out;
}

/** Record in the tree what an `input`/`change`/`submit` event says the page's fields hold. */
export function syncFieldState(el: VElement, event: string, payload: unknown): void {
  if (payload === null || typeof payload !== 'object') return;
  const p = payload as { value?: unknown; checked?: unknown; fields?: unknown };
  if ((event === 'input' || event === 'change') && FIELDS.has(el.tag)) {
    const type = el.props.type;
    if ((type === 'checkbox' || type === 'radio') && typeof p.checked === 'boolean') setProp(el, 'checked', p.checked);
    else if (typeof p.value === 'string') setProp(el, 'value', p.value);
    return;
  }
  if (event !== 'submit' || el.tag !== 'form' || !Array.isArray(p.fields)) return;
  const fields = p.fields as Array<[string, string]>;
  for (const f of fieldsIn(el, [])) {
    const name = f.props.name as string;
    const type = f.props.type;
    const sent = fields.filter(([k]) => k === name).map(([, v]) => v);
    if (type === 'checkbox' || type === 'radio') setProp(f, 'checked', sent.includes(typeof f.props.value === 'string' ? f.props.value : 'on'));
    else if (type === 'file' || type === 'submit' || type === 'button' || type === 'reset' || type === 'image') continue;
    else if (sent.length > 0 && !f.props.multiple) setProp(f, 'value', sent[0]);
  }
}
