/**
 * Element props diff: attributes, live properties, the declared events and hook attributes.
 */
import { attrName, attrValue, eventSpec, HID_ATTR, isContentProp, isEventProp, LIVE_PROPS } from './attrs.ts';
import type { ReconcileContext } from './context.ts';
import { trackInteractive } from './mount.ts';
import { Op, type Patch, type PropValue } from './patch.ts';
import { hookAttrs, needsHid } from './wire.ts';
import type { VElement } from './vnode.ts';

function liveValue(name: string, v: unknown): PropValue {
  if (v === null || v === undefined) return name === 'value' ? '' : false;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * One changed, added or removed prop (absent from `b` = removed): an attribute or live property patch,
 * or a flag for the framework attributes the caller settles once (1 = events, 2 = hook).
 */
function diffProp(tag: string, p: string, a: Record<string, unknown>, b: Record<string, unknown>, hid: number, out: Patch[]): number {
  if (isEventProp(p)) return 1;
  if (p === 'hook') return 2;
  const had = p in a;
  const has = p in b;
  if (LIVE_PROPS.has(p) || isContentProp(tag, p)) {
    const v = liveValue(p, b[p]);
    if (!had || !has || v !== liveValue(p, a[p])) out.push({ op: Op.SetProp, hid, name: p, value: v });
    return 0;
  }
  const name = attrName(p);
  if (name === null) return 0;
  const nvs = has ? attrValue(name, b[p]) : null;
  const ovs = had ? attrValue(name, a[p]) : null;
  if (nvs === ovs) return 0;
  if (nvs === null) out.push({ op: Op.RemoveAttr, hid, name });
  else out.push({ op: Op.SetAttr, hid, name, value: nvs });
  return 0;
}

/** Emit the patches that turn `old`'s props into `neu`'s on the element both describe (`neu.hid` set). */
export function diffProps(old: VElement, neu: VElement, ctx: ReconcileContext): void {
  const a = old.props;
  const b = neu.props;
  if (a === b) return;
  const hid = neu.hid!;
  const out = ctx.patches;
  // Bit 1: the declared events may have changed; bit 2: the hook may have changed.
  let framework = 0;
  for (const p in b) if (b[p] !== a[p] || !(p in a)) framework |= diffProp(neu.tag, p, a, b, hid, out);
  for (const p in a) if (!(p in b)) framework |= diffProp(neu.tag, p, a, b, hid, out);
  const events = (framework & 1) !== 0;
  const hooks = (framework & 2) !== 0;
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
