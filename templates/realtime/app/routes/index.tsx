import { Room } from '../components/Room.tsx';

export const meta = { title: '{{name}}' };

export default function Home() {
  return (
    <main>
      <h1>{{name}}</h1>
      <p>Open this page in two windows: the counter, the notes and the list of visitors update live in both.</p>
      <Room />
    </main>
  );
}
