import { signal, useForm } from 'vango';
import { addNote, clicks, notes, randomVisitor, room, type Visitor } from '../shared.ts';

/** One visitor's view of the shared room. `me` is fixed by tests; visitors get a random one. */
export function Room({ me: fixed }: { me?: Visitor }) {
  const me = signal(fixed ?? randomVisitor()).get();
  room.join(me);
  const form = useForm({ text: { required: 'Say something.', maxLength: [140, 'Keep it under 140 characters.'] } });
  const here = room.list();

  return (
    <section class="room">
      <p class="me">
        You are <b style={`color: ${me.color}`}>{me.name}</b>
      </p>

      <h2>
        Here now: <span class="here-count">{here.length}</span>
      </h2>
      <ul class="presence">
        {here.map((v) => (
          <li key={v.id} style={`border-color: ${v.color}`}>
            {v.name}
          </li>
        ))}
      </ul>

      <h2>Shared counter</h2>
      <p>
        <button class="shared-click" onClick={() => clicks.inc()}>
          Clicked <span class="clicks">{clicks.get()}</span> times by everyone
        </button>
      </p>

      <h2>Notes</h2>
      <form class="note" onSubmit={form.onSubmit(({ text }) => addNote(me.name, text))}>
        <input name="text" placeholder="Leave a note for everyone" autocomplete="off" value={form.value('text')} />
        <button type="submit">Post</button>
        {form.error('text') && <p class="error">{form.error('text')}</p>}
      </form>
      <ul class="notes">
        {notes.get().map((n) => (
          <li key={n.id}>
            <b>{n.author}</b>: {n.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
