/**
 * Element props diff: attributes, live properties, the declared events and hook attributes.
 */
import { attrName, attrValue, eventSpec, HID_ATTR, isContentProp, isEventProp, LIVE_PROPS } from './attrs.ts';
import type { ReconcileContext } from './context.ts';
import { trackInteractive } from './mount.ts';
import { Op, type PropValue } from './patch.ts';
import { hookAttrs, needsHid } from './wire.ts';
import type { VElement } from './vnode.ts';

function liveValue(name: string, v: unknown): PropValue {
  if (v === null || v === undefined) return name === 'value' ? '' : false;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Emit the patches that turn `old`'s props into `neu`'s on the element both describe (`neu.hid` set). */
export function diffProps(old: VElement, neu: VElement, ctx: ReconcileContext): void {
  const a = old.props;
  const b = neu.props;
  if (a === b) return;
  const hid = neu.hid!;
  const out = ctx.patches;
  let events = false;
  let hooks = false;
  for (const p in b) {
    const nv = b[p];
    const ov = a[p];
    if (nv === ov && p in a) continue;
    if (isEventProp(p)) {
      events = true;
      continue;
    }
    if (p === 'hook') {
      hooks = true;
      continue;
    }
    if (LIVE_PROPS.has(p) || isContentProp(neu.tag, p)) {
      const v = liveValue(p, nv);
      if (!(p in a) || v !== liveValue(p, ov)) out.push({ op: Op.SetProp, hid, name: p, value: v });
      continue;
    }
    const name = attrName(p);
    if (name === null) continue;
    const nvs = attrValue(name, nv);
    const ovs = p in a ? attrValue(name, ov) : null;
    if (nvs === ovs) continue;
    if (nvs === null) out.push({ op: Op.RemoveAttr, hid, name });
    else out.push({ op: Op.SetAttr, hid, name, value: nvs });
  }
  for (const p in a) {
    if (p in b) continue;
    if (isEventProp(p)) {
      events = true;
      continue;
    }
    if (p === 'hook') {
      hooks = true;
      continue;
    }
    if (LIVE_PROPS.has(p) || isContentProp(neu.tag, p)) {
      out.push({ op: Op.SetProp, hid, name: p, value: liveValue(p, undefined) });
      continue;
    }
    const name = attrName(p);
    if (name !== null && attrValue(name, a[p]) !== null) out.push({ op: Op.RemoveAttr, hid, name });
  }
  if (!events && !hooks) return;
  const hadHid = needsHid(old);
  const hasHid = needsHid(neu);
  if (hasHid && !hadHid) out.push({ op: Op.SetAttr, hid, name: HID_ATTR, value: String(hid) });
  if (events) {
    const os = eventSpec(a);
    const ns = eventSpec(b);
    if (os !== ns) out.push({ op: Op.Listen, hid, spec: ns });
  }
  if (hooks) diffHookAttrs(a, b, hid, ctx);
  if (hadHid && !hasHid) out.push({ op: Op.RemoveAttr, hid, name: HID_ATTR });
  trackInteractive(neu, ctx);
}

function diffHookAttrs(a: Record<string, unknown>, b: Record<string, unknown>, hid: number, ctx: ReconcileContext): void {
  const before = new Map(hookAttrs(a));
  const after = hookAttrs(b);
  for (const [name, value] of after) {
    if (before.get(name) !== value) ctx.patches.push({ op: Op.SetAttr, hid, name, value });
    before.delete(name);
  }
  for (const name of before.keys()) ctx.patches.push({ op: Op.RemoveAttr, hid, name });
}
