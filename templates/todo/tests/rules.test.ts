import { describe, expect, it } from 'vitest';
import { validate } from 'vango';
import { todoRules } from '../app/rules.ts';

describe('todo rules', () => {
  it('accepts a normal title, trimmed', () => {
    const r = validate({ title: '  buy milk ' }, todoRules);
    expect(r.ok).toBe(true);
    expect(r.values.title).toBe('buy milk');
  });

  it('rejects empty, too short and too long titles with their messages', () => {
    expect(validate({ title: '   ' }, todoRules).errors.title).toBe('Write something to do.');
    expect(validate({ title: 'x' }, todoRules).errors.title).toBe('Use at least 2 characters.');
    expect(validate({ title: 'x'.repeat(101) }, todoRules).errors.title).toBe('Keep it under 100 characters.');
  });
});
