import { afterEach, describe, expect, it } from 'vitest';
import { mount } from 'vango/test';
import { TodoApp } from '../app/components/TodoApp.tsx';
import { openTodos, type TodoStore } from '../app/db.ts';

let store: TodoStore;
afterEach(() => store.close());

const form = (el: { tag: string }) => el.tag === 'form';

describe('TodoApp', () => {
  it('adds a todo through the form and lists it', async () => {
    store = openTodos(':memory:');
    const view = mount(<TodoApp store={store} />);
    await view.submit(form, { title: 'water the plants' });
    expect(view.text()).toContain('water the plants');
    expect(view.text()).toContain('1 item left');
    expect(store.list().map((t) => t.title)).toEqual(['water the plants']);
    view.unmount();
  });

  it('shows the validation message next to the input and saves nothing', async () => {
    store = openTodos(':memory:');
    const view = mount(<TodoApp store={store} />);
    await view.submit(form, { title: ' ' });
    expect(view.html()).toContain('Write something to do.');
    expect(view.html()).toContain('aria-invalid="true"');
    expect(store.list()).toEqual([]);
    view.unmount();
  });

  it('toggles and removes rows (keyed by id)', async () => {
    store = openTodos(':memory:');
    store.add('first');
    store.add('second');
    const view = mount(<TodoApp store={store} />);
    // The first checkbox is the first row's: rows are keyed by id and kept in insertion order.
    await view.fire((el) => el.props.type === 'checkbox', 'change', { value: 'on', checked: true });
    expect(view.text()).toContain('1 item left');
    await view.click((el) => el.props['aria-label'] === 'remove second');
    expect(view.text()).not.toContain('second');
    await view.click('Clear done');
    expect(store.list()).toEqual([]);
    view.unmount();
  });
});
