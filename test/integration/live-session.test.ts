import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType, type ServerFrame } from '../../src/runtime/protocol/frames.ts';
import { ErrorCode } from '../../src/runtime/protocol/codes.ts';
import { Op, type Patch } from '../../src/runtime/vdom/patch.ts';
import type { Served } from '../../src/runtime/node/index.ts';
import { serveCounter } from '../helpers/counter-app.ts';
import { openPage, WireClient } from '../helpers/wire-client.ts';

let srv: Served;
beforeAll(async () => {
  srv = await serveCounter({ sessions: { session: { eventRate: 50, eventBurst: 100 } } });
});
afterAll(async () => srv.close(100));

const isPatches = (f: ServerFrame): f is Extract<ServerFrame, { type: typeof FrameType.Patches }> => f.type === FrameType.Patches;
const texts = (f: ServerFrame) => (isPatches(f) ? f.patches.filter((p): p is Extract<Patch, { op: 1 }> => p.op === Op.SetText).map((p) => p.text) : []);

async function live() {
  const page = await openPage(srv.url);
  const c = await WireClient.connect(srv.url, page);
  await c.next((f) => f.type === FrameType.ServerHello);
  return { page, c, button: page.handlers.get('click')![0]! };
}

describe('live session over a real socket', () => {
  it('renders the page on the server, then answers a click with one binary patch frame', async () => {
    const { page, c, button } = await live();
    expect(page.html).toContain('<h1>Count: 0</h1>');
    expect(page.html).toMatch(/<button data-hid="\d+" data-on="click">\+<\/button>/);
    const seq = c.click(button);
    const f = await c.next(isPatches);
    expect(texts(f)).toEqual(['Count: 1']);
    expect(isPatches(f) && f.eventSeq).toBe(seq);
    c.close();
  });

  it('handles events in the order sent', async () => {
    const { c, button } = await live();
    for (let i = 0; i < 20; i++) c.click(button);
    const seen: string[] = [];
    while (seen.length < 20) seen.push(...texts(await c.next(isPatches)));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `Count: ${i + 1}`));
    c.close();
  });

  it('resumes the same session after a drop: missed frames are replayed from the history', async () => {
    const { page, c, button } = await live();
    c.click(button);
    await c.next(isPatches);
    const lastSeq = c.lastSeq;
    c.ws.terminate();
    const again = await WireClient.connect(srv.url, page, { lastSeq });
    const hello = await again.next((f) => f.type === FrameType.ServerHello);
    expect(hello.type === FrameType.ServerHello && hello.resumed).toBe(true);
    again.click(button);
    expect(texts(await again.next(isPatches))).toEqual(['Count: 2']);
    again.close();
  });

  it('a client that lost its DOM gets a full resync numbered from 1, with state kept', async () => {
    const { page, c, button } = await live();
    c.click(button);
    await c.next(isPatches);
    c.close();
    const again = await WireClient.connect(srv.url, page, { lastSeq: Number.MAX_SAFE_INTEGER });
    const full = await again.next((f) => f.type === FrameType.ResyncFull);
    expect(JSON.stringify(full)).toContain('Count: 1');
    again.close();
  });

  it('refuses a foreign Origin, a missing or wrong CSRF token at the upgrade', async () => {
    const page = await openPage(srv.url);
    await expect(WireClient.connect(srv.url, page, { origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403, body: expect.stringContaining('origin not allowed') });
    await expect(WireClient.connect(srv.url, page, { origin: null })).rejects.toMatchObject({ status: 403 });
    await expect(WireClient.connect(srv.url, page, { csrf: '' })).rejects.toMatchObject({ status: 403, body: expect.stringContaining('CSRF') });
    await expect(WireClient.connect(srv.url, page, { csrf: 'x'.repeat(32) })).rejects.toMatchObject({ status: 403, body: expect.stringContaining('CSRF') });
  });

  it('tells a client whose session is gone to reload', async () => {
    const page = await openPage(srv.url);
    const c = await WireClient.connect(srv.url, page, { sid: 'f'.repeat(32), hello: false });
    const f = await c.next((x) => x.type === FrameType.Error);
    expect(f).toMatchObject({ code: ErrorCode.SessionExpired, reload: true });
    await c.whenClosed();
  });

  it('closes a connection that sends garbage, a text frame, or a 10 MB frame, with a reason; other sessions keep working', async () => {
    const bystander = await live();
    const garbage = await live();
    garbage.c.raw(Uint8Array.of(0x03, 0x00, 0x05, 0xff, 0xff));
    expect(await garbage.c.next((f) => f.type === FrameType.Error)).toMatchObject({ code: ErrorCode.BadFrame });
    expect((await garbage.c.whenClosed()).code).toBe(1002);

    const text = await live();
    text.c.raw('hello');
    expect(await text.c.whenClosed()).toMatchObject({ code: 1003, reason: 'binary frames only' });

    const big = await live();
    big.c.raw(new Uint8Array(10 * 1024 * 1024));
    expect((await big.c.whenClosed()).code).toBe(1009);

    bystander.c.click(bystander.button);
    expect(texts(await bystander.c.next(isPatches))).toEqual(['Count: 1']);
    bystander.c.close();
  });

  it('throttles a flood of events (10,000 in a burst) with a RateLimited close', async () => {
    const bystander = await live();
    const flood = await live();
    for (let i = 0; i < 10_000 && flood.c.ws.readyState === 1; i++) flood.c.click(flood.button);
    const err = await flood.c.next((f) => f.type === FrameType.Error);
    expect(err).toMatchObject({ code: ErrorCode.RateLimited });
    expect((await flood.c.whenClosed()).code).toBe(1008);
    bystander.c.click(bystander.button);
    expect(texts(await bystander.c.next(isPatches))).toEqual(['Count: 1']);
    bystander.c.close();
  });

  it('does not let a client address elements the server never rendered', async () => {
    const { c, button } = await live();
    c.click(999_999);
    c.click(button);
    const f = await c.next(isPatches);
    expect(texts(f)).toEqual(['Count: 1']);
    c.close();
  });
});
