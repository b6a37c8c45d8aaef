/**
 * Wire events → the DOM event name and the plain payload a server handler receives.
 */
import { EventKind, Mod, PointerKind, type WireEvent } from '../protocol/events.ts';
import type { FormDataLike } from '../vdom/events.ts';

const NAMES: Record<number, string> = {
  [EventKind.Click]: 'click', [EventKind.DblClick]: 'dblclick', [EventKind.ContextMenu]: 'contextmenu',
  [EventKind.Input]: 'input', [EventKind.Change]: 'change', [EventKind.Submit]: 'submit',
  [EventKind.Focus]: 'focus', [EventKind.Blur]: 'blur', [EventKind.KeyDown]: 'keydown', [EventKind.KeyUp]: 'keyup',
  [EventKind.MouseDown]: 'mousedown', [EventKind.MouseUp]: 'mouseup', [EventKind.MouseMove]: 'mousemove',
  [EventKind.MouseEnter]: 'mouseenter', [EventKind.MouseLeave]: 'mouseleave', [EventKind.MouseOver]: 'mouseover',
  [EventKind.MouseOut]: 'mouseout', [EventKind.PointerDown]: 'pointerdown', [EventKind.PointerUp]: 'pointerup',
  [EventKind.PointerMove]: 'pointermove', [EventKind.PointerEnter]: 'pointerenter', [EventKind.PointerLeave]: 'pointerleave',
  [EventKind.PointerOver]: 'pointerover', [EventKind.PointerOut]: 'pointerout', [EventKind.PointerCancel]: 'pointercancel',
  [EventKind.Scroll]: 'scroll', [EventKind.Wheel]: 'wheel', [EventKind.TouchStart]: 'touchstart',
  [EventKind.TouchMove]: 'touchmove', [EventKind.TouchEnd]: 'touchend', [EventKind.TouchCancel]: 'touchcancel',
  [EventKind.Hook]: 'hook', [EventKind.Navigate]: 'navigate',
};

/** The DOM event name an event kind stands for (custom events carry their own). */
export function eventNameOf(e: WireEvent): string {
  return e.kind === EventKind.Custom ? e.name : NAMES[e.kind] ?? 'unknown';
}

function mods(m: number) {
  return { shiftKey: (m & Mod.Shift) !== 0, ctrlKey: (m & Mod.Ctrl) !== 0, altKey: (m & Mod.Alt) !== 0, metaKey: (m & Mod.Meta) !== 0 };
}

/** A read API over submitted fields, in the spirit of `FormData`. */
export function formData(fields: Array<[string, string]>): FormDataLike {
  return {
    get: (name) => fields.find((f) => f[0] === name)?.[1] ?? null,
    getAll: (name) => fields.filter((f) => f[0] === name).map((f) => f[1]),
    has: (name) => fields.some((f) => f[0] === name),
    object: () => {
      const o: Record<string, string | string[]> = {};
      for (const [k, v] of fields) {
        const prev = o[k];
        o[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      return o;
    },
  };
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

const POINTER_TYPES = ['', 'mouse', 'pen', 'touch'];

/** Build the handler payload for a decoded wire event. */
export function payloadOf(e: WireEvent): Record<string, unknown> {
  const type = eventNameOf(e);
  const base = { type, hid: e.hid };
  switch (e.kind) {
    case EventKind.Click:
    case EventKind.DblClick:
    case EventKind.ContextMenu:
      return { ...base, ...mods(e.mods), clientX: e.point?.x ?? 0, clientY: e.point?.y ?? 0, button: e.kind === EventKind.ContextMenu ? 2 : 0, buttons: 0 };
    case EventKind.Input:
    case EventKind.Change:
      if (typeof e.value === 'boolean') return { ...base, value: e.value ? 'on' : '', checked: e.value };
      if (Array.isArray(e.value)) return { ...base, value: e.value[0] ?? '', values: e.value };
      return { ...base, value: e.value };
    case EventKind.Submit:
      return { ...base, fields: e.fields, data: formData(e.fields) };
    case EventKind.Focus:
    case EventKind.Blur:
      return base;
    case EventKind.KeyDown:
    case EventKind.KeyUp:
      return { ...base, ...mods(e.mods), key: e.key, code: e.code, repeat: e.repeat, isComposing: e.composing };
    case EventKind.Scroll:
      return { ...base, scrollTop: e.top, scrollLeft: e.left };
    case EventKind.Wheel:
      return { ...base, ...mods(e.mods), deltaX: e.dx, deltaY: e.dy, deltaMode: e.mode };
    case EventKind.TouchStart:
    case EventKind.TouchMove:
    case EventKind.TouchEnd:
    case EventKind.TouchCancel: {
      const pt = (t: { id: number; x: number; y: number }) => ({ id: t.id, clientX: t.x, clientY: t.y });
      return { ...base, ...mods(e.mods), touches: e.touches.map(pt), changedTouches: e.changed.map(pt) };
    }
    case EventKind.Hook:
      return { ...base, name: e.name, payload: parseJson(e.payload) };
    case EventKind.Navigate:
      return { ...base, path: e.path, replace: e.replace };
    case EventKind.Custom:
      return { ...base, name: e.name, payload: parseJson(e.payload) };
    default: {
      const m = e as Extract<WireEvent, { x: number }>;
      const out: Record<string, unknown> = { ...base, ...mods(m.mods), clientX: m.x, clientY: m.y, button: m.button, buttons: m.buttons };
      if ('pointerId' in m) {
        const p = m as unknown as { pointerType: number; pointerId: number; primary: boolean };
        out.pointerType = POINTER_TYPES[p.pointerType] ?? (p.pointerType === PointerKind.Unknown ? '' : String(p.pointerType));
        out.pointerId = p.pointerId;
        out.isPrimary = p.primary;
      }
      return out;
    }
  }
}
