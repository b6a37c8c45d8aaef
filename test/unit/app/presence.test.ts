import { describe, expect, it } from 'vitest';
import { SessionManager } from '../../../src/runtime/app/manager.ts';
import type { Transport } from '../../../src/runtime/app/transport.ts';
import { PROTOCOL_VERSION } from '../../../src/runtime/protocol/client.ts';
import { decodeServerFrame } from '../../../src/runtime/protocol/decode-s2c.ts';
import { FrameType } from '../../../src/runtime/protocol/frames.ts';
import { presence } from '../../../src/runtime/index.ts';
import { renderMounted } from '../../../src/runtime/render/serialize.ts';
import { effect } from '../../../src/runtime/reactive/index.ts';
import { h } from '../../../src/runtime/vdom/h.ts';
import type { Session } from '../../../src/runtime/app/session.ts';
import { mount } from '../../../src/test-harness/index.ts';

class FakeTransport implements Transport {
  patches = 0;
  buffered = 0;
  send(frame: Uint8Array): void {
    const r = decodeServerFrame(frame);
    if (r.ok && r.value?.type === FrameType.Patches) this.patches++;
  }
  close(): void {}
}

const hello = (s: Session) =>
  ({ type: FrameType.ClientHello, version: PROTOCOL_VERSION, sessionId: s.id, lastSeq: 0, csrf: s.csrf, width: 1, height: 1, dpr: 1, caps: 0, tzOffset: 0, locale: 'en' }) as const;

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('session.connected', () => {
  it('is false until a socket attaches, then follows detach, resume and close', () => {
    const m = new SessionManager({ sweepInterval: 0 });
    const s = m.create();
    const seen: boolean[] = [];
    const e = effect(() => void seen.push(s.connected.get()));
    const t = new FakeTransport();
    s.attach(t, hello(s));
    s.detach(t);
    s.attach(new FakeTransport(), hello(s));
    s.close();
    e.dispose();
    expect(seen).toEqual([false, true, false, true, false]);
  });
});

describe('presence', () => {
  const room = presence<string>();
  function Who({ name }: { name: string }) {
    room.join(name);
    return h('p', null, `here: ${room.list().join(',')} (${room.count()})`);
  }
  const html = (s: Session) => renderMounted(s.root.top!);

  it('lists connected sessions only, live in every session, and forgets closed ones', async () => {
    const m = new SessionManager({ sweepInterval: 0 });
    const a = m.create();
    const b = m.create();
    a.mount(h(Who, { name: 'ann' }));
    b.mount(h(Who, { name: 'bob' }));
    // Rendered before any socket: nobody is connected yet.
    expect(html(a)).toContain('here:  (0)');

    const ta = new FakeTransport();
    a.attach(ta, hello(a));
    await tick();
    expect(html(a)).toContain('here: ann (1)');

    const tb = new FakeTransport();
    b.attach(tb, hello(b));
    await tick();
    expect(html(a)).toContain('here: ann,bob (2)');
    expect(html(b)).toContain('here: ann,bob (2)');
    const before = ta.patches;

    b.detach(tb); // a dropped socket leaves, a resumed one comes back
    await tick();
    expect(html(a)).toContain('here: ann (1)');
    expect(ta.patches).toBeGreaterThan(before); // pushed to a's browser, not only rendered
    b.attach(new FakeTransport(), hello(b));
    await tick();
    expect(html(a)).toContain('here: ann,bob (2)');

    b.close();
    await tick();
    expect(html(a)).toContain('here: ann (1)');
    a.close();
    expect(room.count()).toBe(0);
  });

  it('counts a mounted component as present without a session (vango/test), until unmounted', () => {
    const one = mount(h(Who, { name: 'x' }));
    const two = mount(h(Who, { name: 'y' }));
    // Joining is an effect, so it lands after the render that joined; the next render shows it.
    expect(two.text()).toBe('here: x (1)');
    two.root.flush();
    expect(two.text()).toBe('here: x,y (2)');
    one.root.flush();
    expect(one.text()).toBe('here: x,y (2)');
    two.unmount();
    one.root.flush();
    expect(one.text()).toBe('here: x (1)');
    one.unmount();
    expect(room.count()).toBe(0);
  });
});
