/**
 * `mount()`: a component in a bare root, driven through the real handler dispatch and flush (no
 * session, no wire). Events carry the payload a live session would build.
 */
import { eventNameOf, payloadOf } from '../runtime/app/payload.ts';
import { EventKind } from '../runtime/protocol/events.ts';
import type { Patch } from '../runtime/vdom/patch.ts';
import { Root } from '../runtime/vdom/root.ts';
import type { Child } from '../runtime/vdom/vnode.ts';
import { realTick } from './settle.ts';
import { createView, type View } from './view.ts';
import { toWireEvent } from './wire.ts';

/** Mount a component tree for testing. Render errors during updates are thrown from the interaction. */
export function mount(node: Child): View {
  const errors: unknown[] = [];
  const root = new Root({ onRenderError: (e) => errors.push(e) });
  root.mount(node);
  const flush = (): Patch[] => {
    const out = root.flush();
    if (errors.length > 0) throw errors.splice(0)[0];
    return out;
  };
  return createView({
    root: () => root,
    async dispatch(el, event, payload) {
      const e = toWireEvent(event, el.hid!, payload);
      // Events without a wire form keep the caller's payload as is (a session would wrap it as Custom).
      const data = e.kind === EventKind.Custom ? { type: event, hid: el.hid, ...payload } : payloadOf(e);
      const { result } = root.dispatch(el.hid!, eventNameOf(e), data);
      if (result instanceof Promise) await result;
      await Promise.resolve();
      return flush();
    },
    async settle() {
      await realTick();
      return flush();
    },
    close: () => root.dispose(),
  });
}
