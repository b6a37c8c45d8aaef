/**
 * Declarative checks for submitted form fields. Pure and isomorphic: the same rules run for a live
 * submit and for a no-JavaScript post, and are easy to unit-test.
 */
import type { FormDataLike } from '../vdom/events.ts';

/** A rule's value alone, or the value and the message to show when it fails. */
export type WithMessage<T> = T | readonly [T, string];

/** The checks for one field, applied in this order; the first that fails gives the field's message. */
export interface FieldRules<V extends Record<string, string> = Record<string, string>> {
  /** The field must be present and, after trimming, not empty. */
  required?: boolean | string;
  /** At least this many characters (after trimming). Skipped for an empty optional field. */
  minLength?: WithMessage<number>;
  /** At most this many characters (after trimming). */
  maxLength?: WithMessage<number>;
  /** The whole value must match (anchor the pattern yourself). */
  pattern?: WithMessage<RegExp>;
  /** Any other check: return a message to reject the value, nothing to accept it. */
  custom?: (value: string, values: V) => string | undefined | null | void;
  /** Keep surrounding whitespace (by default values are trimmed). */
  raw?: boolean;
}

/** Rules per field name. */
export type FormRules<F extends string = string> = { readonly [K in F]: FieldRules<Record<F, string>> };

/** What `validate` found: the cleaned values, and one message per failing field. */
export type Validation<F extends string> =
  | { ok: true; values: Record<F, string>; errors: Partial<Record<F, string>> }
  | { ok: false; values: Record<F, string>; errors: Partial<Record<F, string>> };

/** Declares rules with their field names kept as a type (`formRules({ title: { required: true } })`). */
export function formRules<F extends string>(rules: FormRules<F>): FormRules<F> {
  return rules;
}

function split<T>(rule: WithMessage<T>, fallback: (v: T) => string): [T, string] {
  if (Array.isArray(rule)) return [rule[0] as T, rule[1] as string];
  return [rule as T, fallback(rule as T)];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Submitted data in any usual shape: a submit event's `data`, its `fields`, or a plain object. */
export type Submitted = FormDataLike | Array<[string, string]> | Record<string, string | string[] | undefined | null>;

function reader(data: Submitted): (name: string) => string | null {
  if (Array.isArray(data)) return (n) => data.find((f) => f[0] === n)?.[1] ?? null;
  if (typeof (data as FormDataLike).get === 'function' && typeof (data as FormDataLike).getAll === 'function') {
    return (n) => (data as FormDataLike).get(n);
  }
  return (n) => {
    const v = (data as Record<string, unknown>)[n];
    if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : null;
    return v === undefined || v === null ? null : String(v);
  };
}

/**
 * Checks `data` against `rules`. Only fields named in `rules` are read; a missing field is `''`.
 *
 * ```ts
 * const r = validate(e.data, { title: { required: 'Give it a title', maxLength: 80 } });
 * if (!r.ok) errors.set(r.errors); else save(r.values.title);
 * ```
 */
export function validate<F extends string>(data: Submitted, rules: FormRules<F>): Validation<F> {
  const read = reader(data);
  const values = {} as Record<F, string>;
  const errors: Partial<Record<F, string>> = {};
  for (const name of Object.keys(rules) as F[]) {
    const r = rules[name];
    const got = read(name) ?? '';
    values[name] = r.raw ? got : got.trim();
  }
  for (const name of Object.keys(rules) as F[]) {
    const msg = check(values[name], rules[name], values);
    if (msg !== undefined) errors[name] = msg;
  }
  const ok = Object.keys(errors).length === 0;
  return ok ? { ok: true, values, errors } : { ok: false, values, errors };
}

function check<V extends Record<string, string>>(value: string, r: FieldRules<V>, values: V): string | undefined {
  if (value === '') {
    if (r.required) return typeof r.required === 'string' ? r.required : 'This field is required.';
    return undefined;
  }
  const length = [...value].length;
  if (r.minLength !== undefined) {
    const [n, msg] = split(r.minLength, (n) => `Use at least ${plural(n, 'character')}.`);
    if (length < n) return msg;
  }
  if (r.maxLength !== undefined) {
    const [n, msg] = split(r.maxLength, (n) => `Use at most ${plural(n, 'character')}.`);
    if (length > n) return msg;
  }
  if (r.pattern !== undefined) {
    const [re, msg] = split(r.pattern, () => 'This value has the wrong format.');
    re.lastIndex = 0;
    if (!re.test(value)) return msg;
  }
  if (r.custom) {
    const msg = r.custom(value, values);
    if (typeof msg === 'string' && msg !== '') return msg;
  }
  return undefined;
}
