/**
 * The component side of a validated form: remembers the last submission's values and messages in
 * signals, so inputs keep what the user typed and each shows its own error (live, and after a
 * no-JavaScript post, which runs the same handler).
 */
import { signal, type Signal } from '../reactive/index.ts';
import type { SubmitEventData } from '../vdom/events.ts';
import { validate, type FormRules } from './validate.ts';

export interface Form<F extends string> {
  /** The message for `field` from the last submit, if it failed there. */
  error(field: F): string | undefined;
  /** What the user last submitted for `field` (after trimming), or `''`: use it as the input's value. */
  value(field: F): string;
  /** True when the last submit had at least one error. */
  readonly invalid: boolean;
  /**
   * A submit handler: validates the fields; when they pass, calls `action` with the cleaned values and
   * clears the form (unless `action` returns `false`, or throws); otherwise shows the messages.
   */
  onSubmit(action: (values: Record<F, string>) => void | boolean | Promise<void | boolean>): (e: SubmitEventData) => void | Promise<void>;
  /** Forget values and messages. */
  reset(): void;
  /** Show a message for a field from elsewhere (a server-side check such as "already taken"). */
  setError(field: F, message: string | undefined): void;
}

/**
 * A form's state with its rules. Call it at the top of a component, like `signal()`.
 *
 * ```tsx
 * const form = useForm({ title: { required: 'Give it a title', maxLength: 80 } });
 * <form onSubmit={form.onSubmit(({ title }) => todos.add(title))}>
 *   <input name="title" value={form.value('title')} aria-invalid={form.error('title') ? 'true' : undefined} />
 *   {form.error('title') && <p class="error">{form.error('title')}</p>}
 * </form>
 * ```
 */
export function useForm<F extends string>(rules: FormRules<F>): Form<F> {
  type Fields = Partial<Record<F, string>>;
  // SignalFor<T> cannot pick its overload while F is still generic; these are plain signals.
  const values = signal<Fields>({}) as unknown as Signal<Fields>;
  const errors = signal<Fields>({}) as unknown as Signal<Fields>;
  const reset = () => {
    values.set({});
    errors.set({});
  };
  return {
    error: (f) => errors.get()[f],
    value: (f) => values.get()[f] ?? '',
    get invalid() {
      return Object.keys(errors.get()).length > 0;
    },
    onSubmit: (action) => (e) => {
      const r = validate(e.data, rules);
      if (!r.ok) {
        values.set(r.values);
        errors.set(r.errors);
        return;
      }
      const done = (kept: void | boolean) => (kept === false ? (values.set(r.values), errors.set({})) : reset());
      const out = action(r.values);
      if (out instanceof Promise) return out.then(done);
      done(out);
    },
    reset,
    setError: (f, message) => {
      const next = { ...errors.get() };
      if (message === undefined) delete next[f];
      else next[f] = message;
      errors.set(next);
    },
  };
}
