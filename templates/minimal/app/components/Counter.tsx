import { signal } from 'vango';

/** A counter whose state lives on the server; the buttons' handlers run there too. */
export function Counter({ start = 0 }: { start?: number }) {
  const count = signal(start);
  return (
    <section class="counter">
      <p>
        Count: <output>{count.get()}</output>
      </p>
      <button onClick={() => count.dec()} aria-label="decrement">
        −
      </button>
      <button onClick={() => count.inc()} aria-label="increment">
        +
      </button>
    </section>
  );
}
