import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../src/client/spec.ts';
import { eventSpec, type HandlerSpec } from '../../../src/runtime/vdom/attrs.ts';

const noop = () => {};

describe('data-on spec parsing', () => {
  it('reads plain events', () => {
    expect(parseSpec('click')).toEqual({ click: {} });
    expect(parseSpec('click input keydown')).toEqual({ click: {}, input: {}, keydown: {} });
    expect(parseSpec('')).toEqual({ '': {} });
  });

  it('reads every modifier', () => {
    expect(parseSpec('submit.prevent.stop.once.self')).toEqual({ submit: { prevent: true, stop: true, once: true, self: true } });
    expect(parseSpec('input.debounce-300 scroll.throttle-16')).toEqual({ input: { debounce: 300 }, scroll: { throttle: 16 } });
    expect(parseSpec('keydown.key-Enter.key-Escape')).toEqual({ keydown: { key: ['Enter', 'Escape'] } });
    expect(parseSpec('keyup.key-%20.key-%2F')).toEqual({ keyup: { key: [' ', '/'] } });
  });

  it("reads keys containing '.', which the server percent-encodes", () => {
    expect(parseSpec('keydown.key-%2E')).toEqual({ keydown: { key: ['.'] } });
    expect(parseSpec('keydown.key-%2E.key-a%2Eb.prevent')).toEqual({ keydown: { key: ['.', 'a.b'], prevent: true } });
  });

  it("round-trips whatever the server's eventSpec writes", () => {
    const events = fc.constantFrom('Click', 'Input', 'KeyDown', 'Submit', 'Scroll', 'DoubleClick', 'PointerMove');
    const spec = fc.record(
      {
        prevent: fc.boolean(),
        stop: fc.boolean(),
        once: fc.boolean(),
        self: fc.boolean(),
        debounce: fc.nat(5000),
        throttle: fc.nat(5000),
        key: fc.array(fc.oneof(fc.constantFrom('Enter', ' ', '.', '/', 'ArrowUp', '%', 'é', '+', '-'), fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.dictionary(events, spec, { maxKeys: 4 }), (decl) => {
        // Keys made only of dots cannot be told apart from the '.' case; the server never sends those.
        for (const s of Object.values(decl)) if (s.key) s.key = s.key.filter((k) => k === '.' || !k.includes('.'));
        const props: Record<string, unknown> = {};
        for (const [ev, s] of Object.entries(decl)) props['on' + ev] = { handler: noop, ...s } satisfies HandlerSpec;
        const parsed = parseSpec(eventSpec(props));
        for (const [ev, s] of Object.entries(decl)) {
          const name = ev === 'DoubleClick' ? 'dblclick' : ev.toLowerCase();
          const m = parsed[name]!;
          expect(!!m.prevent).toBe(!!s.prevent);
          expect(!!m.stop).toBe(!!s.stop);
          expect(!!m.once).toBe(!!s.once);
          expect(!!m.self).toBe(!!s.self);
          expect(m.debounce).toBe(s.debounce);
          expect(m.throttle).toBe(s.throttle);
          expect(m.key).toEqual(s.key?.length ? s.key : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});
