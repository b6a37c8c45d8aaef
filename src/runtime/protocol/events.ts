/**
 * Client events as they travel on the wire. Every event names its target by hid (0 = no element:
 * window or document). Kinds sharing a payload layout are grouped in consecutive ranges; the codec
 * relies on that.
 */

/** Event kind byte. Wire values: append only. */
export const EventKind = {
  Click: 1,
  DblClick: 2,
  ContextMenu: 3,
  Input: 4,
  Change: 5,
  Submit: 6,
  Focus: 7,
  Blur: 8,
  KeyDown: 9,
  KeyUp: 10,
  MouseDown: 11,
  MouseUp: 12,
  MouseMove: 13,
  MouseEnter: 14,
  MouseLeave: 15,
  MouseOver: 16,
  MouseOut: 17,
  PointerDown: 18,
  PointerUp: 19,
  PointerMove: 20,
  PointerEnter: 21,
  PointerLeave: 22,
  PointerOver: 23,
  PointerOut: 24,
  PointerCancel: 25,
  Scroll: 26,
  Wheel: 27,
  TouchStart: 28,
  TouchMove: 29,
  TouchEnd: 30,
  TouchCancel: 31,
  Hook: 32,
  Navigate: 33,
  Custom: 34,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
type K = typeof EventKind;

/** Modifier key bits (low nibble of an event's flags byte). */
export const Mod = { Shift: 1, Ctrl: 2, Alt: 4, Meta: 8 } as const;

/** `PointerEvent.pointerType`. Receivers keep values they do not know. */
export const PointerKind = { Unknown: 0, Mouse: 1, Pen: 2, Touch: 3 } as const;

/** `WheelEvent.deltaMode`. */
export const DeltaMode = { Pixel: 0, Line: 1, Page: 2 } as const;

/** Click-like events. Coordinates (client pixels, rounded) are optional. */
export interface WireClickEvent {
  kind: K['Click'] | K['DblClick'] | K['ContextMenu'];
  hid: number;
  /** Bitset of `Mod`. */
  mods: number;
  point?: { x: number; y: number };
}

/** `input` / `change`: a text value, a checkbox state, or the selected values of a multi-select. */
export interface WireInputEvent {
  kind: K['Input'] | K['Change'];
  hid: number;
  value: string | boolean | string[];
}

export interface WireSubmitEvent {
  kind: K['Submit'];
  hid: number;
  /** Form fields in document order; a name may repeat. */
  fields: [name: string, value: string][];
}

export interface WireFocusEvent {
  kind: K['Focus'] | K['Blur'];
  hid: number;
}

export interface WireKeyEvent {
  kind: K['KeyDown'] | K['KeyUp'];
  hid: number;
  mods: number;
  repeat: boolean;
  /** `isComposing`: the key is part of an IME composition. */
  composing: boolean;
  key: string;
  code: string;
}

export interface WireMouseEvent {
  kind: K['MouseDown'] | K['MouseUp'] | K['MouseMove'] | K['MouseEnter'] | K['MouseLeave'] | K['MouseOver'] | K['MouseOut'];
  hid: number;
  mods: number;
  /** Client coordinates, rounded to integers. */
  x: number;
  y: number;
  /** `button` (may be -1 for pointer moves). */
  button: number;
  /** `buttons` bitset. */
  buttons: number;
}

export interface WirePointerEvent extends Omit<WireMouseEvent, 'kind'> {
  kind:
    | K['PointerDown'] | K['PointerUp'] | K['PointerMove'] | K['PointerEnter'] | K['PointerLeave']
    | K['PointerOver'] | K['PointerOut'] | K['PointerCancel'];
  /** `isPrimary`. */
  primary: boolean;
  /** See `PointerKind`. */
  pointerType: number;
  pointerId: number;
}

export interface WireScrollEvent {
  kind: K['Scroll'];
  hid: number;
  /** `scrollTop` / `scrollLeft`, rounded (may be negative in RTL or during overscroll). */
  top: number;
  left: number;
}

export interface WireWheelEvent {
  kind: K['Wheel'];
  hid: number;
  mods: number;
  dx: number;
  dy: number;
  /** See `DeltaMode`. */
  mode: number;
}

export interface WireTouch {
  /** `Touch.identifier`. */
  id: number;
  x: number;
  y: number;
}

export interface WireTouchEvent {
  kind: K['TouchStart'] | K['TouchMove'] | K['TouchEnd'] | K['TouchCancel'];
  hid: number;
  mods: number;
  /** `touches`: all current touches. */
  touches: WireTouch[];
  /** `changedTouches`. */
  changed: WireTouch[];
}

/** An event from a client hook mounted on `hid`. */
export interface WireHookEvent {
  kind: K['Hook'];
  hid: number;
  name: string;
  /** JSON text. */
  payload: string;
}

/** Client-side navigation (link click or history pop). */
export interface WireNavigateEvent {
  kind: K['Navigate'];
  hid: number;
  path: string;
  replace: boolean;
}

export interface WireCustomEvent {
  kind: K['Custom'];
  hid: number;
  name: string;
  payload: string;
}

export type WireEvent =
  | WireClickEvent
  | WireInputEvent
  | WireSubmitEvent
  | WireFocusEvent
  | WireKeyEvent
  | WireMouseEvent
  | WirePointerEvent
  | WireScrollEvent
  | WireWheelEvent
  | WireTouchEvent
  | WireHookEvent
  | WireNavigateEvent
  | WireCustomEvent;
