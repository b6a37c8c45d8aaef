export const meta = { title: 'About' };

export default function About() {
  return (
    <>
      <h1>About</h1>
      <p>
        Every handler in this app runs on the server. The list lives in SQLite (<code>data/todo.db</code>, or the
        file named by <code>TODO_DB</code>), so it survives a reload and a restart, and a change made in one browser
        shows up in every other one at once.
      </p>
      <p>The form works without JavaScript too: it posts to the page, which runs the same handler.</p>
    </>
  );
}
