/**
 * The todo store: SQLite through Node's built-in `node:sqlite` (no server to run). The file is
 * `TODO_DB` (default `data/todo.db`); tests use `openTodos(':memory:')`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface Todo {
  id: number;
  title: string;
  done: boolean;
}

export interface TodoStore {
  list(): Todo[];
  add(title: string): Todo;
  toggle(id: number): void;
  remove(id: number): void;
  clearDone(): number;
  close(): void;
}

interface Row {
  id: number;
  title: string;
  done: number;
}

const toTodo = (r: Row): Todo => ({ id: Number(r.id), title: String(r.title), done: Number(r.done) === 1 });

/** Open (creating if needed) a todo database at `file`, or in memory with `':memory:'`. */
export function openTodos(file: string): TodoStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  // Idempotent, so opening an existing file (or a dev reload) is harmless.
  db.exec(`CREATE TABLE IF NOT EXISTS todos (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  )`);
  const all = db.prepare('SELECT id, title, done FROM todos ORDER BY id');
  const insert = db.prepare('INSERT INTO todos (title) VALUES (?) RETURNING id, title, done');
  const flip = db.prepare('UPDATE todos SET done = 1 - done WHERE id = ?');
  const del = db.prepare('DELETE FROM todos WHERE id = ?');
  const delDone = db.prepare('DELETE FROM todos WHERE done = 1');
  return {
    list: () => (all.all() as unknown as Row[]).map(toTodo),
    add: (title) => toTodo(insert.get(title) as unknown as Row),
    toggle: (id) => void flip.run(id),
    remove: (id) => void del.run(id),
    clearDone: () => Number(delDone.run().changes),
    close: () => db.close(),
  };
}

// One connection per process, kept across module reloads of the dev server.
const KEY = Symbol.for('todo-app.store');
const holder = globalThis as typeof globalThis & { [KEY]?: TodoStore };

/** The app's store, opened on first use. */
export function todos(): TodoStore {
  return (holder[KEY] ??= openTodos(process.env.TODO_DB ?? 'data/todo.db'));
}
