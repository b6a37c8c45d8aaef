/**
 * The `data-on` grammar: `event[.prevent][.stop][.once][.self][.debounce-N][.throttle-N][.key-K]*`,
 * tokens space separated, keys URL-encoded (see src/runtime/vdom/attrs.ts).
 */

/** Modifiers of one declared event. */
export interface Mods {
  prevent?: boolean;
  stop?: boolean;
  once?: boolean;
  self?: boolean;
  /** ms */
  debounce?: number;
  /** ms */
  throttle?: number;
  /** Keyboard events: only these `KeyboardEvent.key` values. */
  key?: string[];
}

/** The events a `data-on` value declares, by DOM event type. (Specs are short: parsed per use.) */
export function parseSpec(spec: string): Record<string, Mods> {
  const r: Record<string, Mods> = {};
  for (const tok of spec.split(' ')) {
    const [type, ...ms] = tok.split('.');
    const m: any = (r[type!] = {});
    for (let i = 0; i < ms.length; i++) {
      const [k, v] = ms[i]!.split(/-(.*)/);
      // Keys are percent-encoded, '.' included (attrs.ts), so a piece never splits a key.
      if (k === 'key') (m.key ||= []).push(decodeURIComponent(v!));
      else if (k) m[k] = v === undefined || +v;
    }
  }
  return r;
}
