import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTodos, type TodoStore } from '../app/db.ts';

let store: TodoStore | undefined;
afterEach(() => store?.close());

describe('todo store', () => {
  it('adds, toggles, removes and clears in insertion order', () => {
    store = openTodos(':memory:');
    const a = store.add('milk');
    const b = store.add('bread');
    expect(store.list()).toEqual([
      { id: a.id, title: 'milk', done: false },
      { id: b.id, title: 'bread', done: false },
    ]);
    store.toggle(a.id);
    expect(store.list()[0]!.done).toBe(true);
    expect(store.clearDone()).toBe(1);
    store.remove(b.id);
    expect(store.list()).toEqual([]);
  });

  it('keeps todos in the file across connections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'todo-'));
    try {
      const file = join(dir, 'nested', 'todo.db');
      const first = openTodos(file);
      first.add('persist me');
      first.close();
      store = openTodos(file); // reopening an existing database is harmless
      expect(store.list().map((t) => t.title)).toEqual(['persist me']);
      store.close();
      store = undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
