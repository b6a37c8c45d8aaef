/**
 * DOM event → WireEvent: the few fields the server handler gets (see src/runtime/protocol/events.ts).
 */
import { EventKind, type WireEvent } from '../runtime/protocol/client.ts';

/** The EventKind of a DOM event type (`MouseDown` ↔ `mousedown`, kinds below Hook); anything else is Custom (34). */
export const kindOf = (type: string): number => {
  for (const k in EventKind) {
    const v = EventKind[k as keyof typeof EventKind];
    if (v < 32 && k.toLowerCase() === type) return v;
  }
  return 34;
};

const touches = (l: TouchList) => Array.from(l || [], (t) => ({ id: t.identifier, x: t.clientX, y: t.clientY }));

/**
 * The wire form of DOM event `e` for the element `el` (hid `hid`) that declared it. Input and change
 * read the control itself when `el` is one, else the event target (a wrapper listening to its fields).
 */
export function wireEvent(e: any, type: string, hid: number, el: any): WireEvent {
  const kind = kindOf(type);
  const w: any = { kind, hid, mods: e.shiftKey | (e.ctrlKey << 1) | (e.altKey << 2) | (e.metaKey << 3) };
  const xy = (o: any) => ((o.x = e.clientX), (o.y = e.clientY), o);
  if (kind < 4) w.point = xy({});
  else if (kind < 6) {
    const c = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? el : e.target;
    w.value = /^(checkbox|radio)$/.test(c.type)
      ? c.checked
      : c.multiple && c.selectedOptions
        ? Array.from(c.selectedOptions as HTMLOptionElement[], (o) => o.value)
        : c.value ?? c.textContent;
  } else if (kind < 7) {
    // Files are not sent: events are small frames, uploads take another path.
    const f: [string, string][] = (w.fields = []);
    new FormData(e.target, e.submitter).forEach((v, n) => typeof v === 'string' && f.push([n, v]));
  } else if (kind < 9) {
    // focus, blur: no payload
  } else if (kind < 11) (w.key = e.key), (w.code = e.code), (w.repeat = e.repeat), (w.composing = e.isComposing);
  else if (kind < 26) {
    xy(w);
    w.button = e.button;
    w.buttons = e.buttons;
    if (kind > 17) {
      w.primary = e.isPrimary;
      w.pointerId = e.pointerId;
      w.pointerType = ['mouse', 'pen', 'touch'].indexOf(e.pointerType) + 1;
    }
  } else if (kind < 27) (w.top = el.scrollTop), (w.left = el.scrollLeft);
  else if (kind < 28) (w.dx = e.deltaX), (w.dy = e.deltaY), (w.mode = e.deltaMode);
  else if (kind < 32) (w.touches = touches(e.touches)), (w.changed = touches(e.changedTouches));
  else (w.name = type), (w.payload = JSON.stringify(e.detail) ?? '');
  return w;
}
