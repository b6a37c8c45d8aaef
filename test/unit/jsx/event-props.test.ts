/**
 * The handler props of the JSX types and the runtime agree: every typed `on*` prop is an event prop for
 * attrs.ts, and `eventName()` derives from it exactly the event whose payload the prop is typed with.
 */
import { describe, expect, it } from 'vitest';
import { eventName, eventSpec, isEventProp } from '../../../src/runtime/vdom/attrs.ts';
import type { EventName } from '../../../src/runtime/vdom/events.ts';
import type { EventNameOf, EventPropName } from '../../../src/runtime/vdom/jsx-types.ts';

/** Every handler prop with the event name the types derive; the compiler rejects a missing or wrong entry. */
const typed: { [P in EventPropName]: EventNameOf<P> } = {
  onClick: 'click', onAuxClick: 'auxclick', onDblClick: 'dblclick', onDoubleClick: 'dblclick', onContextMenu: 'contextmenu',
  onMouseDown: 'mousedown', onMouseUp: 'mouseup', onMouseEnter: 'mouseenter', onMouseLeave: 'mouseleave',
  onMouseMove: 'mousemove', onMouseOver: 'mouseover', onMouseOut: 'mouseout',
  onPointerDown: 'pointerdown', onPointerUp: 'pointerup', onPointerMove: 'pointermove', onPointerEnter: 'pointerenter',
  onPointerLeave: 'pointerleave', onPointerOver: 'pointerover', onPointerOut: 'pointerout', onPointerCancel: 'pointercancel',
  onKeyDown: 'keydown', onKeyUp: 'keyup',
  onInput: 'input', onChange: 'change', onSubmit: 'submit', onReset: 'reset', onInvalid: 'invalid', onSelect: 'select',
  onFocus: 'focus', onBlur: 'blur', onFocusIn: 'focusin', onFocusOut: 'focusout',
  onScroll: 'scroll', onWheel: 'wheel',
  onTouchStart: 'touchstart', onTouchMove: 'touchmove', onTouchEnd: 'touchend', onTouchCancel: 'touchcancel',
  onDragStart: 'dragstart', onDrag: 'drag', onDragEnd: 'dragend', onDragEnter: 'dragenter', onDragLeave: 'dragleave',
  onDragOver: 'dragover', onDrop: 'drop',
  onToggle: 'toggle', onClose: 'close', onCancel: 'cancel', onLoad: 'load', onError: 'error',
  onPlay: 'play', onPause: 'pause', onEnded: 'ended', onTimeUpdate: 'timeupdate', onVolumeChange: 'volumechange',
  onCopy: 'copy', onCut: 'cut', onPaste: 'paste',
  onHook: 'hook',
};

/** Every event with a typed payload; the compiler rejects a missing or unknown entry. */
const payloadEvents: { [N in EventName]: true } = {
  click: true, auxclick: true, dblclick: true, contextmenu: true, mousedown: true, mouseup: true, mouseenter: true,
  mouseleave: true, mousemove: true, mouseover: true, mouseout: true, pointerdown: true, pointerup: true,
  pointermove: true, pointerenter: true, pointerleave: true, pointerover: true, pointerout: true, pointercancel: true,
  keydown: true, keyup: true, input: true, change: true, submit: true, reset: true, invalid: true, select: true,
  focus: true, blur: true, focusin: true, focusout: true, scroll: true, wheel: true, touchstart: true, touchmove: true,
  touchend: true, touchcancel: true, dragstart: true, drag: true, dragend: true, dragenter: true, dragleave: true,
  dragover: true, drop: true, toggle: true, close: true, cancel: true, load: true, error: true, play: true, pause: true,
  ended: true, timeupdate: true, volumechange: true, copy: true, cut: true, paste: true, hook: true,
};

describe('handler props', () => {
  const props = Object.keys(typed) as EventPropName[];

  it.each(props)('%s is an event prop and names the event its payload is typed for', (p) => {
    expect(isEventProp(p)).toBe(true);
    expect(eventName(p)).toBe(typed[p]);
    expect(Object.hasOwn(payloadEvents, eventName(p))).toBe(true);
  });

  it('declare a listener when given a function', () => {
    const handlers = Object.fromEntries(props.map((p) => [p, () => {}]));
    const tokens = eventSpec(handlers).split(' ');
    expect(tokens).toEqual(props.map((p) => typed[p]));
  });

  it('cover every typed payload event', () => {
    expect(new Set(Object.values(typed))).toEqual(new Set(Object.keys(payloadEvents)));
  });
});
