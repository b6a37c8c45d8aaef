/**
 * Optimistic updates declared by the server in `data-optimistic`:
 * `{"class": "+a -b ~c", "text": "...", "attr": {"name": "value" | null}, "on": "click"}`.
 * Applied when the element sends an event, undone when the server's answer to that event arrives.
 */
import { json } from './json.ts';

/** Applied changes: event seq, undo, and what to redo (one page, one client: module state). */
const pending: [seq: number, undo: () => void, el: Element, type: string][] = [];

/** Apply `el`'s declared change for an event of `type` sent with seq `seq`. */
export function optimistic(el: Element, type: string, seq: number): void {
  const o = json(el.getAttribute('data-optimistic'));
  if (!o || (o.on && o.on !== type)) return;
  const undo: (() => void)[] = [];
  const cl = el.classList;
  for (const c of (o.class || '').split(' ')) {
    const [, op = '+', n] = c.match(/([+~-])?(.*)/);
    if (n && (op === '~' || (op === '+') !== cl.contains(n))) cl.toggle(n), undo.push(() => cl.toggle(n));
  }
  if (o.text != null) {
    // The children are numbered nodes the server still addresses: park them, put them back on undo.
    const kids = [...el.childNodes];
    const t = new Text(o.text);
    el.replaceChildren(t);
    undo.push(() => t.replaceWith(...kids));
  }
  for (const n in o.attr) {
    const set = (v: string | null) => (v == null ? el.removeAttribute(n) : el.setAttribute(n, v));
    const prev = el.getAttribute(n);
    set(o.attr[n]);
    undo.push(() => set(prev));
  }
  pending.push([seq, () => undo.reverse().forEach((f) => f()), el, type]);
}

/**
 * Undo the changes of every event up to `seq`. Changes stack (a later text change parks the earlier
 * one's text), so everything is undone newest first and the changes of later events are made again.
 */
export function revert(seq: number): void {
  const later = pending.filter((p) => p[0] > seq);
  for (const p of pending.splice(0).reverse()) p[1]();
  for (const [s, , el, type] of later) optimistic(el, type, s);
}
