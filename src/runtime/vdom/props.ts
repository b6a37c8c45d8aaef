/**
 * Element props diff: attributes, live properties, the declared events and hook attributes.
 */
import { attrName, attrValue, eventSpec, HID_ATTR, isContentProp, isEventProp, LIVE_PROPS } from './attrs.ts';
import type { ReconcileContext } from './context.ts';
import { trackInteractive } from './mount.ts';
import { Op, type Patch, type PropValue } from './patch.ts';
import { hookAttrs, needsHid } from './wire.ts';
import { EMPTY_PROPS, type VElement } from './vnode.ts';

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

/** Reused by every `diffProps` call (which never re-enters itself): no array per element. */
const scratch: string[] = [];

/** Whether a prop name could make an element interactive (an event handler, or the hook): a cheap superset. */
function mayInteract(p: string): boolean {
  return p.charCodeAt(0) === 111 /* o */ || p === 'hook';
}

/** `diffProps` result bits. */
export const PropsDiff = {
  /** Either element may be interactive (an event or hook prop): it may sit in `ctx.interactive`. */
  Interactive: 1,
  /** The props are not the same keys, in the same order, with identical (`===`) values. */
  Changed: 2,
} as const;

/**
 * Emit the patches that turn `old`'s props into `neu`'s on the element both describe (`neu.hid` set).
 * Returns `PropsDiff` bits: without `Interactive` the caller need not look the element up in
 * `ctx.interactive`; without `Changed` the old element can stand for the new one.
 */
export function diffProps(old: VElement, neu: VElement, ctx: ReconcileContext): number {
  const a = old.props;
  const b = neu.props;
  if (a === b) {
    if (a === EMPTY_PROPS) return 0;
    for (const p in a) if (mayInteract(p)) return PropsDiff.Interactive;
    return 0;
  }
  const hid = neu.hid!;
  const out = ctx.patches;
  let maybe = false;
  let changed = false;
  // Bit 1: the declared events may have changed; bit 2: the hook may have changed.
  let framework = 0;
  // `b`'s keys in order, to tell cheaply whether `a` has exactly the same ones (then none was removed).
  const keys = scratch;
  let nb = 0;
  for (const p in b) {
    keys[nb++] = p;
    if (mayInteract(p)) maybe = true;
    const v = b[p];
    // Equal and defined: `p` is in `a` too, no need to ask.
    if (v !== a[p] || (v === undefined && !(p in a))) {
      changed = true;
      framework |= diffProp(neu.tag, p, a, b, hid, out);
    }
  }
  let na = 0;
  for (const p in a) {
    if (na >= nb || keys[na] !== p) {
      changed = true;
      break;
    }
    na++;
  }
  if (na !== nb) changed = true;
  if (changed) for (const p in a) if (!(p in b)) framework |= diffProp(neu.tag, p, a, b, hid, out);
  const flags = (maybe ? PropsDiff.Interactive : 0) | (changed ? PropsDiff.Changed : 0);
  const events = (framework & 1) !== 0;
  const hooks = (framework & 2) !== 0;
  // Unchanged events and hook: `a` names the same ones as `b`, so `maybe` covers both.
  if (!events && !hooks) return flags;
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
  return PropsDiff.Interactive | PropsDiff.Changed;
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
