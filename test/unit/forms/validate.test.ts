import { describe, expect, it } from 'vitest';
import { formRules, validate } from '../../../src/runtime/forms/index.ts';
import { formData } from '../../../src/runtime/app/payload.ts';

describe('validate', () => {
  const rules = formRules({
    title: { required: 'Give it a title', minLength: 3, maxLength: [10, 'Ten at most'] },
    email: { pattern: [/^[^@\s]+@[^@\s]+$/, 'Not an email'] },
    code: { required: true, custom: (v, all) => (v === all.title ? 'Must differ from the title' : undefined) },
  });

  it('accepts valid input and trims values', () => {
    const r = validate({ title: '  Milk  ', email: 'a@b.c', code: 'x' }, rules);
    expect(r).toEqual({ ok: true, values: { title: 'Milk', email: 'a@b.c', code: 'x' }, errors: {} });
  });

  it('gives one message per failing field, the first rule that fails', () => {
    const r = validate({ title: '  ', email: 'nope', code: '' }, rules);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual({ title: 'Give it a title', email: 'Not an email', code: 'This field is required.' });
  });

  it('checks lengths in characters, with default and custom messages', () => {
    expect(validate({ title: 'ab', code: 'x' }, rules).errors).toEqual({ title: 'Use at least 3 characters.' });
    expect(validate({ title: 'abcdefghijk', code: 'x' }, rules).errors).toEqual({ title: 'Ten at most' });
    // Ten astral characters are ten characters, not twenty UTF-16 units.
    expect(validate({ title: '😀'.repeat(10), code: 'x' }, rules).ok).toBe(true);
  });

  it('skips the other rules of an empty optional field; missing fields are empty', () => {
    const r = validate({ title: 'Milk', code: 'x' }, rules);
    expect(r.ok).toBe(true);
    expect(r.values.email).toBe('');
  });

  it('gives custom checks every cleaned value', () => {
    expect(validate({ title: 'same', code: ' same ' }, rules).errors).toEqual({ code: 'Must differ from the title' });
  });

  it('reads submit-event data, field pairs and arrays (the first value)', () => {
    const fields: Array<[string, string]> = [['title', 'Bread'], ['code', 'a'], ['code', 'b']];
    expect(validate(formData(fields), rules).values).toEqual({ title: 'Bread', email: '', code: 'a' });
    expect(validate(fields, rules).values).toEqual({ title: 'Bread', email: '', code: 'a' });
    expect(validate({ title: ['Tea', 'x'], code: 'c' }, rules).values.title).toBe('Tea');
  });

  it('keeps whitespace with raw, and a global pattern does not carry state between calls', () => {
    expect(validate({ a: ' x ' }, { a: { raw: true } }).values.a).toBe(' x ');
    const g = { a: { pattern: /^x+$/g } };
    expect(validate({ a: 'xx' }, g).ok).toBe(true);
    expect(validate({ a: 'xx' }, g).ok).toBe(true);
  });
});
