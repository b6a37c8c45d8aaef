import { signal, useForm } from 'vango';
import type { TodoStore } from '../db.ts';
import { todoRules } from '../rules.ts';

/**
 * Bumped after every write. It is a module-level signal, so it is shared by every session: a todo
 * added in one browser re-renders the list in all of them.
 */
export const changes = signal(0);

export function TodoApp({ store }: { store: TodoStore }) {
  const form = useForm(todoRules);
  changes.get(); // re-read the store whenever anyone writes
  const items = store.list();
  const left = items.filter((t) => !t.done).length;
  const write = (fn: () => unknown) => {
    fn();
    changes.inc();
  };
  const error = form.error('title');

  return (
    <section class="todos">
      <form class="new-todo" onSubmit={form.onSubmit(({ title }) => write(() => store.add(title)))}>
        <input
          name="title"
          placeholder="What needs doing?"
          autocomplete="off"
          value={form.value('title')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'title-error' : undefined}
        />
        <button type="submit">Add</button>
        {error && (
          <p class="error" id="title-error" role="alert">
            {error}
          </p>
        )}
      </form>

      <ul class="todo-list">
        {items.map((t) => (
          <li key={t.id} class={t.done ? 'done' : undefined}>
            <label>
              <input type="checkbox" checked={t.done} onChange={() => write(() => store.toggle(t.id))} />
              <span>{t.title}</span>
            </label>
            <button class="remove" aria-label={`remove ${t.title}`} onClick={() => write(() => store.remove(t.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>

      <footer>
        <span class="count">
          {left} {left === 1 ? 'item' : 'items'} left
        </span>
        {items.length > left && (
          <button class="clear" onClick={() => write(() => store.clearDone())}>
            Clear done
          </button>
        )}
      </footer>
    </section>
  );
}
