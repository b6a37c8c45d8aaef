/**
 * State shared by everyone: module-level signals live once per server process, so every session
 * reads the same values, and each session's page re-renders when they change.
 */
import { presence, signal } from 'vango';

export interface Visitor {
  id: string;
  name: string;
  color: string;
}

/** Clicks from every visitor. */
export const clicks = signal(0);

/** The latest notes, newest first (at most 20). */
export const notes = signal<{ id: number; author: string; text: string }[]>([]);

/** Who has the page open right now (connected sessions only). */
export const room = presence<Visitor>();

let nextNote = 1;

export function addNote(author: string, text: string): void {
  notes.set([{ id: nextNote++, author, text }, ...notes.get()].slice(0, 20));
}

const ANIMALS = ['Otter', 'Fox', 'Heron', 'Lynx', 'Badger', 'Wren', 'Marten', 'Ibex', 'Puffin', 'Hare'];
const COLORS = ['#d9480f', '#2b8a3e', '#1971c2', '#9c36b5', '#e67700', '#0c8599', '#c2255c', '#5c940d'];

/** A random display name and color for a new visitor. */
export function randomVisitor(): Visitor {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  return { id: crypto.randomUUID(), name: `${pick(ANIMALS)} ${Math.floor(Math.random() * 90) + 10}`, color: pick(COLORS) };
}
