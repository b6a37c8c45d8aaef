/**
 * Harness events as wire events: both drivers turn an interaction into the event a browser client
 * would send, so handlers receive exactly the payload production gives them (`payloadOf`).
 */
import { EventKind, Mod, type WireEvent } from '../runtime/protocol/events.ts';

const CLICKS = { click: EventKind.Click, dblclick: EventKind.DblClick, contextmenu: EventKind.ContextMenu } as const;
const MOUSE = {
  mousedown: EventKind.MouseDown, mouseup: EventKind.MouseUp, mousemove: EventKind.MouseMove, mouseenter: EventKind.MouseEnter,
  mouseleave: EventKind.MouseLeave, mouseover: EventKind.MouseOver, mouseout: EventKind.MouseOut,
} as const;

function mods(p: Record<string, unknown>): number {
  return (p.shiftKey ? Mod.Shift : 0) | (p.ctrlKey ? Mod.Ctrl : 0) | (p.altKey ? Mod.Alt : 0) | (p.metaKey ? Mod.Meta : 0);
}

const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : d);

/** The wire event for `event` on `hid`; events without a wire form travel as Custom events. */
export function toWireEvent(event: string, hid: number, p: Record<string, unknown>): WireEvent {
  if (event in CLICKS) {
    const x = num(p.clientX);
    const y = num(p.clientY);
    return { kind: CLICKS[event as keyof typeof CLICKS], hid, mods: mods(p), ...(x || y ? { point: { x, y } } : {}) };
  }
  if (event in MOUSE) {
    return { kind: MOUSE[event as keyof typeof MOUSE], hid, mods: mods(p), x: num(p.clientX), y: num(p.clientY), button: num(p.button), buttons: num(p.buttons) };
  }
  switch (event) {
    case 'input':
    case 'change': {
      const v = p.checked !== undefined ? Boolean(p.checked) : Array.isArray(p.values) ? (p.values as unknown[]).map(String) : String(p.value ?? '');
      return { kind: event === 'input' ? EventKind.Input : EventKind.Change, hid, value: v };
    }
    case 'submit':
      return { kind: EventKind.Submit, hid, fields: (p.fields as Array<[string, string]> | undefined) ?? [] };
    case 'focus':
    case 'blur':
      return { kind: event === 'focus' ? EventKind.Focus : EventKind.Blur, hid };
    case 'keydown':
    case 'keyup':
      return { kind: event === 'keydown' ? EventKind.KeyDown : EventKind.KeyUp, hid, mods: mods(p), repeat: Boolean(p.repeat), composing: Boolean(p.isComposing), key: String(p.key ?? ''), code: String(p.code ?? '') };
    case 'scroll':
      return { kind: EventKind.Scroll, hid, top: num(p.scrollTop), left: num(p.scrollLeft) };
    default:
      return { kind: EventKind.Custom, hid, name: event, payload: JSON.stringify(p) };
  }
}
