/**
 * Event payloads as server-side handlers receive them.
 *
 * Handlers run on the server, so they never see a DOM `Event`: the thin client picks a few fields off the
 * browser event, sends them, and the server decodes them into these plain objects. Keep them plain data
 * (the one exception is the read API over submitted form fields, built by the decoder).
 */
import type { HandlerSpec } from './attrs.ts';

/** Fields every payload carries. */
export interface VangoEvent {
  /** The DOM event name (`click`, `keydown`, ...). */
  type: string;
  /** Hydration id of the element whose handler fired (not necessarily the event's original target). */
  hid: number;
}

/** Modifier keys held while the event happened. */
export interface ModifierKeys {
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface MouseEventData extends VangoEvent, ModifierKeys {
  clientX: number;
  clientY: number;
  /** The button that changed state: 0 main, 1 auxiliary, 2 secondary. */
  button: number;
  /** Bit mask of the buttons held down. */
  buttons: number;
}

export interface KeyboardEventData extends VangoEvent, ModifierKeys {
  /** The produced key value (`'a'`, `'Enter'`, `'ArrowUp'`), layout dependent. */
  key: string;
  /** The physical key (`'KeyA'`), layout independent. */
  code: string;
  /** True when the key is held down and auto-repeating. */
  repeat: boolean;
  /** True while an IME composition is in progress (ignore `Enter` then). */
  isComposing?: boolean;
}

export interface InputEventData extends VangoEvent {
  /** The control's current value. */
  value: string;
  /** Present for checkboxes and radio buttons. */
  checked?: boolean;
  /** Present for `<select multiple>`: the values of every selected option. */
  values?: string[];
}

export interface ChangeEventData extends InputEventData {}

/** Read access to submitted form fields, in the spirit of `FormData` (text fields only). */
export interface FormDataLike {
  /** The first value of the field, or null when the form did not submit it. */
  get(name: string): string | null;
  /** Every value of the field, in document order. */
  getAll(name: string): string[];
  has(name: string): boolean;
  /** All fields as an object; names submitted more than once map to an array of their values. */
  object(): Record<string, string | string[]>;
}

export interface SubmitEventData extends VangoEvent {
  /** The submitted `[name, value]` pairs, in document order (names may repeat). */
  fields: Array<[string, string]>;
  data: FormDataLike;
}

export interface FocusEventData extends VangoEvent {}

export interface ScrollEventData extends VangoEvent {
  scrollTop: number;
  scrollLeft: number;
}

export interface WheelEventData extends VangoEvent, Partial<ModifierKeys> {
  deltaX: number;
  deltaY: number;
  /** Unit of the deltas: 0 pixels, 1 lines, 2 pages. */
  deltaMode: number;
}

export interface PointerEventData extends MouseEventData {
  /** `'mouse'`, `'pen'` or `'touch'` (browsers may report '' or a vendor value). */
  pointerType: string;
  pointerId: number;
  isPrimary?: boolean;
}

/** One active touch point. */
export interface TouchPoint {
  /** `Touch.identifier`: stable for the lifetime of the touch. */
  id: number;
  clientX: number;
  clientY: number;
}

export interface TouchEventData extends VangoEvent, Partial<ModifierKeys> {
  /** Every touch currently on the surface. */
  touches: TouchPoint[];
  /** The touches that changed in this event (for `touchend`, the ones lifted). */
  changedTouches?: TouchPoint[];
}

/** An event sent by a client hook (see the `hook` prop). */
export interface HookEventData extends VangoEvent {
  name: string;
  payload: unknown;
}

/**
 * DOM event name → the payload its handlers receive. The names are what `eventName()` in attrs.ts derives
 * from the prop (`onKeyDown` → `keydown`). Events typed `VangoEvent` carry no fields of their own (the wire
 * protocol has no dedicated layout for them).
 */
export interface EventDataMap {
  click: MouseEventData;
  auxclick: MouseEventData;
  dblclick: MouseEventData;
  contextmenu: MouseEventData;
  mousedown: MouseEventData;
  mouseup: MouseEventData;
  mouseenter: MouseEventData;
  mouseleave: MouseEventData;
  mousemove: MouseEventData;
  mouseover: MouseEventData;
  mouseout: MouseEventData;

  pointerdown: PointerEventData;
  pointerup: PointerEventData;
  pointermove: PointerEventData;
  pointerenter: PointerEventData;
  pointerleave: PointerEventData;
  pointerover: PointerEventData;
  pointerout: PointerEventData;
  pointercancel: PointerEventData;

  keydown: KeyboardEventData;
  keyup: KeyboardEventData;

  input: InputEventData;
  change: ChangeEventData;
  submit: SubmitEventData;
  reset: VangoEvent;
  invalid: VangoEvent;
  select: VangoEvent;

  focus: FocusEventData;
  blur: FocusEventData;
  focusin: FocusEventData;
  focusout: FocusEventData;

  scroll: ScrollEventData;
  wheel: WheelEventData;

  touchstart: TouchEventData;
  touchmove: TouchEventData;
  touchend: TouchEventData;
  touchcancel: TouchEventData;

  dragstart: VangoEvent;
  drag: VangoEvent;
  dragend: VangoEvent;
  dragenter: VangoEvent;
  dragleave: VangoEvent;
  dragover: VangoEvent;
  drop: VangoEvent;

  toggle: VangoEvent;
  close: VangoEvent;
  cancel: VangoEvent;
  load: VangoEvent;
  error: VangoEvent;

  play: VangoEvent;
  pause: VangoEvent;
  ended: VangoEvent;
  timeupdate: VangoEvent;
  volumechange: VangoEvent;

  copy: VangoEvent;
  cut: VangoEvent;
  paste: VangoEvent;

  /** Events a client hook sends to the server (`onHook`). */
  hook: HookEventData;
}

/** A DOM event name that handler props may listen to. */
export type EventName = keyof EventDataMap;

/**
 * An event handler prop value: a server-side function of the decoded payload, or the same function with
 * client-side modifiers (`{ handler, prevent: true, key: 'Enter' }`). Never a string: inline script
 * handlers are refused.
 */
export type Handler<E> = ((event: E) => unknown) | HandlerSpec<E>;
