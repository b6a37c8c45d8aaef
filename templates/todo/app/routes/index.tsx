import { TodoApp } from '../components/TodoApp.tsx';
import { todos } from '../db.ts';

export const meta = { title: 'Todos' };

export default function Home() {
  return (
    <>
      <h1>Todos</h1>
      <TodoApp store={todos()} />
    </>
  );
}
