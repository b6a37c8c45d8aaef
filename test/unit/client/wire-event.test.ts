// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { kindOf, wireEvent } from '../../../src/client/wire-event.ts';
import { encodeEvent } from '../../../src/runtime/protocol/client.ts';
import { decodeClientFrame } from '../../../src/runtime/protocol/decode-c2s.ts';
import { EventKind, type WireEvent } from '../../../src/runtime/protocol/events.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';

/** Build the wire event, and check that it survives the real encoder and the server's decoder. */
function wire(e: Event, el: Element, hid = 7): WireEvent {
  const w = wireEvent(e, e.type, hid, el);
  const r = decodeClientFrame(encodeEvent(3, w));
  if (!r.ok) throw new Error(r.message);
  expect(r.value?.type).toBe(FrameType.Event);
  return (r.value as { event: WireEvent }).event;
}

function html(s: string): HTMLElement {
  document.body.innerHTML = s;
  return document.body.firstElementChild as HTMLElement;
}

describe('event kinds', () => {
  it('maps DOM event names to EventKind, others to Custom', () => {
    expect(kindOf('click')).toBe(EventKind.Click);
    expect(kindOf('dblclick')).toBe(EventKind.DblClick);
    expect(kindOf('keyup')).toBe(EventKind.KeyUp);
    expect(kindOf('pointercancel')).toBe(EventKind.PointerCancel);
    expect(kindOf('touchcancel')).toBe(EventKind.TouchCancel);
    expect(kindOf('my-event')).toBe(EventKind.Custom);
    expect(kindOf('hook')).toBe(EventKind.Custom);
    expect(kindOf('navigate')).toBe(EventKind.Custom);
  });
});

describe('WireEvent building', () => {
  it('click-like: modifiers and the point', () => {
    const b = html('<button>x</button>');
    const e = new MouseEvent('click', { clientX: 12, clientY: -3, shiftKey: true, metaKey: true });
    expect(wire(e, b)).toEqual({ kind: EventKind.Click, hid: 7, mods: 9, point: { x: 12, y: -3 } });
    expect(wire(new MouseEvent('contextmenu', { ctrlKey: true, altKey: true }), b)).toEqual({ kind: EventKind.ContextMenu, hid: 7, mods: 6, point: { x: 0, y: 0 } });
  });

  it('input: the text value', () => {
    const i = html('<input value="">') as HTMLInputElement;
    i.value = 'héllo';
    expect(wire(new Event('input'), i)).toEqual({ kind: EventKind.Input, hid: 7, value: 'héllo' });
  });

  it('change: checkbox and radio state', () => {
    const c = html('<input type="checkbox">') as HTMLInputElement;
    c.checked = true;
    expect(wire(new Event('change'), c)).toEqual({ kind: EventKind.Change, hid: 7, value: true });
    c.checked = false;
    expect(wire(new Event('change'), c)).toEqual({ kind: EventKind.Change, hid: 7, value: false });
    const r = html('<input type="radio">') as HTMLInputElement;
    r.checked = true;
    expect(wire(new Event('change'), r)).toMatchObject({ value: true });
  });

  it('change: the selected values of a multi-select', () => {
    const s = html('<select multiple><option value="a" selected>A</option><option value="b">B</option><option value="c" selected>C</option></select>');
    expect(wire(new Event('change'), s)).toEqual({ kind: EventKind.Change, hid: 7, value: ['a', 'c'] });
    const one = html('<select><option value="a">A</option><option value="b" selected>B</option></select>');
    expect(wire(new Event('change'), one)).toMatchObject({ value: 'b' });
  });

  it('input on a wrapper reads the field that fired', () => {
    const form = html('<form><input name="q"></form>');
    const i = form.querySelector('input')!;
    i.value = 'abc';
    const e = new Event('input', { bubbles: true });
    let got: WireEvent | undefined;
    form.addEventListener('input', (ev) => (got = wireEvent(ev, 'input', 2, form)));
    i.dispatchEvent(e);
    expect(got).toMatchObject({ kind: EventKind.Input, hid: 2, value: 'abc' });
  });

  it('submit: the form fields in order, the submitter, no files', () => {
    const form = html(
      '<form><input name="a" value="1"><input name="t" type="checkbox" checked value="yes"><input name="u" type="checkbox" value="no">' +
        '<select name="s"><option>x</option><option selected>y</option></select><input type="file" name="f">' +
        '<button name="go" value="save">Save</button><button name="go" value="other">Other</button></form>',
    ) as HTMLFormElement;
    const submitter = form.querySelector('button') as HTMLButtonElement;
    const e = new SubmitEvent('submit', { submitter });
    let got: WireEvent | undefined;
    form.addEventListener('submit', (ev) => (got = wire(ev, form)));
    form.dispatchEvent(e);
    expect(got).toEqual({
      kind: EventKind.Submit,
      hid: 7,
      fields: [['a', '1'], ['t', 'yes'], ['s', 'y'], ['go', 'save']],
    });
  });

  it('focus and blur carry no payload', () => {
    const i = html('<input>');
    expect(wire(new FocusEvent('focus'), i)).toEqual({ kind: EventKind.Focus, hid: 7 });
    expect(wire(new FocusEvent('blur'), i)).toEqual({ kind: EventKind.Blur, hid: 7 });
  });

  it('keys: key, code, modifiers, repeat, composing', () => {
    const i = html('<input>');
    const e = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, repeat: true });
    expect(wire(e, i)).toEqual({ kind: EventKind.KeyDown, hid: 7, mods: 2, repeat: true, composing: false, key: 'Enter', code: 'Enter' });
    const c = new KeyboardEvent('keyup', { key: 'a', code: 'KeyA', isComposing: true });
    expect(wire(c, i)).toEqual({ kind: EventKind.KeyUp, hid: 7, mods: 0, repeat: false, composing: true, key: 'a', code: 'KeyA' });
  });

  it('mouse: coordinates and buttons', () => {
    const d = html('<div></div>');
    const e = new MouseEvent('mousemove', { clientX: 5, clientY: 6, button: 0, buttons: 3, altKey: true });
    expect(wire(e, d)).toEqual({ kind: EventKind.MouseMove, hid: 7, mods: 4, x: 5, y: 6, button: 0, buttons: 3 });
    expect(wire(new MouseEvent('mouseenter', { clientX: 1, clientY: 2 }), d)).toMatchObject({ kind: EventKind.MouseEnter, x: 1, y: 2 });
  });

  it('pointer: the mouse fields plus type, id and primary', () => {
    const d = html('<div></div>');
    const e = new PointerEvent('pointerdown', { clientX: -1, clientY: 2, button: -1, pointerType: 'pen', pointerId: 7, isPrimary: true });
    expect(wire(e, d)).toEqual({ kind: EventKind.PointerDown, hid: 7, mods: 0, x: -1, y: 2, button: -1, buttons: 0, primary: true, pointerType: 2, pointerId: 7 });
    expect(wire(new PointerEvent('pointermove', { pointerType: 'touch' }), d)).toMatchObject({ pointerType: 3, primary: false });
    expect(wire(new PointerEvent('pointerup', { pointerType: 'gaze' }), d)).toMatchObject({ pointerType: 0 });
  });

  it('scroll: the element offsets', () => {
    const d = html('<div style="overflow:auto"></div>');
    d.scrollTop = 40;
    d.scrollLeft = 3;
    expect(wire(new Event('scroll'), d)).toEqual({ kind: EventKind.Scroll, hid: 7, top: d.scrollTop, left: d.scrollLeft });
  });

  it('wheel: fractional deltas and the mode', () => {
    const d = html('<div></div>');
    const e = new WheelEvent('wheel', { deltaX: 0.5, deltaY: -120.25, deltaMode: 1 });
    // happy-dom's WheelEvent ignores modifier keys in its init dict.
    Object.defineProperty(e, 'shiftKey', { value: true });
    expect(wire(e, d)).toEqual({ kind: EventKind.Wheel, hid: 7, mods: 1, dx: 0.5, dy: -120.25, mode: 1 });
  });

  it('touch: touches and changed touches', () => {
    const d = html('<div></div>');
    const t = (id: number, x: number, y: number) => new Touch({ identifier: id, target: d, clientX: x, clientY: y });
    const e = new TouchEvent('touchend', { touches: [t(1, 10, 20)], changedTouches: [t(2, 30.4, 40.6)] });
    expect(wire(e, d)).toEqual({ kind: EventKind.TouchEnd, hid: 7, mods: 0, touches: [{ id: 1, x: 10, y: 20 }], changed: [{ id: 2, x: 30, y: 41 }] });
  });

  it('anything else is a custom event with its detail as JSON', () => {
    const d = html('<div></div>');
    expect(wire(new CustomEvent('picked', { detail: { id: 3 } }), d)).toEqual({ kind: EventKind.Custom, hid: 7, name: 'picked', payload: '{"id":3}' });
    expect(wire(new Event('toggle'), d)).toEqual({ kind: EventKind.Custom, hid: 7, name: 'toggle', payload: '' });
  });
});
