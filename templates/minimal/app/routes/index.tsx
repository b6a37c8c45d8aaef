import { Counter } from '../components/Counter.tsx';

export const meta = { title: '{{name}}' };

export default function Home() {
  return (
    <main>
      <h1>{{name}}</h1>
      <Counter />
      <p>
        Edit <code>app/routes/index.tsx</code> and save: the page updates and keeps its state.
      </p>
    </main>
  );
}
