import { afterEach, describe, expect, it, vi } from 'vitest';
import { effect, signal } from 'vango';
import { mount, QueryError } from 'vango/test';

function Todo() {
  const items = signal<string[]>(['milk'], { name: 'items' });
  const saved = signal(false, { name: 'saved' });
  const unnamed = signal(3);
  return (
    <main>
      <h1>Todos ({items.get().length})</h1>
      <label for="new">New item</label>
      <form onSubmit={(e) => items.push(e.data.get('title') ?? '')}>
        <input id="new" name="title" value="" />
        <input type="checkbox" name="urgent" value="yes" checked />
        <button type="submit">Add</button>
      </form>
      <ul>{items.get().map((t) => <li key={t}>{t}</li>)}</ul>
      <button aria-label="Save all" onClick={async () => { await new Promise((r) => setTimeout(r, 1000)); saved.set(true); }}>💾</button>
      <p>{saved.get() ? 'Saved' : 'Unsaved'} {unnamed.get()}</p>
    </main>
  );
}

function Clock() {
  const ticks = signal(0, { name: 'ticks' });
  effect(() => {
    const id = setInterval(() => ticks.inc(), 1000);
    return () => clearInterval(id);
  });
  return <p>Ticks: {ticks.get()}</p>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('queries', () => {
  it('finds by text (the innermost element), by role and accessible name, by selector', () => {
    const view = mount(<Todo />);
    expect(view.getByText('Todos').tag).toBe('h1');
    expect(view.getByText(/^milk$/).tag).toBe('li');
    expect(view.getByRole('heading').tag).toBe('h1');
    expect(view.getByRole('button', { name: 'Add' }).props.type).toBe('submit');
    expect(view.getByRole('button', { name: 'Save all' }).tag).toBe('button');
    expect(view.getByRole('textbox', { name: 'New item' }).props.id).toBe('new');
    expect(view.getByRole('checkbox').props.name).toBe('urgent');
    expect(view.queryAllByRole('listitem')).toHaveLength(1);
    expect(view.get('ul > li').tag).toBe('li');
  });

  it('a failed text query shows the HTML around the closest match', () => {
    const view = mount(<Todo />);
    let err: unknown;
    try {
      view.getByText('milkshake');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QueryError);
    const msg = (err as Error).message;
    expect(msg).toContain('No element has the text "milkshake"');
    expect(msg).toContain('Closest match:\n  <li>milk</li>');
    expect(msg).toContain('<ul><li>milk</li></ul>');
  });

  it('a failed role query lists the roles present; ambiguity asks for a name', () => {
    const view = mount(<Todo />);
    expect(() => view.getByRole('button', { name: 'Remove' })).toThrow(/No element has role "button" and name "Remove"\. Roles present: .*button "Add".*button "Save all"/);
    expect(() => view.getByRole('button')).toThrow(/2 elements have role "button"; expected one/);
    expect(() => view.get('table td')).toThrow(/No element matches "table td"/);
  });
});

describe('interactions', () => {
  it('submit() without fields gathers them from the form as a browser would', async () => {
    const view = mount(<Todo />);
    await view.type('#new', 'eggs');
    await view.submit('form');
    expect(view.queryAllByRole('listitem').map((li) => li.children.length)).toHaveLength(2);
    expect(view.html()).toContain('<li>eggs</li>');
    expect(view.getByText('Todos (2)')).toBeTruthy();
  });

  it('clicks by selector and by a queried element', async () => {
    const view = mount(<Todo />);
    await view.submit(view.get('form'), { title: 'tea' });
    expect(view.signal<string[]>('items')).toEqual(['milk', 'tea']);
  });

  it('reads signals by name, unnamed ones as Component#n', () => {
    const view = mount(<Todo />);
    expect(view.signals()).toEqual({ items: ['milk'], saved: false, 'Todo#2': 3 });
    expect(() => view.signal('nope')).toThrow(/No signal named "nope" is mounted\. Signals: items, saved, Todo#2/);
  });
});

describe('fake time', () => {
  it('a handler waiting on a timer finishes when time is advanced', async () => {
    vi.useFakeTimers();
    const view = mount(<Todo />);
    const click = view.click(view.getByRole('button', { name: 'Save all' }));
    await vi.advanceTimersByTimeAsync(1000);
    await click;
    expect(view.signal('saved')).toBe(true);
    expect(view.text()).toContain('Saved 3');
  });

  it('settle() renders what timers changed', async () => {
    vi.useFakeTimers();
    const view = mount(<Clock />);
    expect(view.text()).toBe('Ticks: 0');
    await vi.advanceTimersByTimeAsync(3000);
    await view.settle();
    expect(view.text()).toBe('Ticks: 3');
    expect(view.signal('ticks')).toBe(3);
    expect(view.patches()).toHaveLength(1);
    view.unmount();
  });
});
