import { describe, expect, it } from 'vitest';
import { h } from '../../../src/runtime/vdom/h.ts';
import type { Child } from '../../../src/runtime/vdom/vnode.ts';
import { HeadCollector, renderToAsyncIterable, renderToChunks, renderToStream, renderToString, useHead } from '../../../src/runtime/render/index.ts';
import { collect } from './helpers.ts';

const noop = (): void => {};

function page(rows: number, onRow?: (i: number) => void): Child {
  const Row = (p: { i: number }) => {
    onRow?.(p.i);
    return h('tr', { class: { odd: p.i % 2 === 1 } }, h('td', null, `row ${p.i} 😀 <&>`), h('td', null, h('button', { onClick: noop }, 'x')));
  };
  return h('table', null, h('tbody', null, Array.from({ length: rows }, (_, i) => h(Row, { i, key: i }))));
}

describe('renderToStream', () => {
  it('produces the bytes of renderToString in ~16 KB chunks', async () => {
    const expected = renderToString(page(3000));
    const { chunks, text } = await collect(renderToStream(page(3000)));
    expect(text).toBe(expected);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(16 * 1024);
      // A chunk stops at the first emission past the threshold: bounded by one node's output.
      expect(c.length).toBeLessThan(16 * 1024 + 2048);
    }
  });

  it('respects chunkSize and never splits a character', async () => {
    const tree = () => h('p', null, '😀'.repeat(50), h('b', null, 'é'.repeat(33)), '𝄞');
    const expected = renderToString(tree());
    for (const chunkSize of [1, 3, 10, 100]) {
      const { chunks, text } = await collect(renderToStream(tree(), { chunkSize }));
      expect(text).toBe(expected);
      // Every chunk decodes on its own: no surrogate pair or UTF-8 sequence is cut.
      for (const c of chunks) expect(new TextDecoder('utf-8', { fatal: true }).decode(c)).not.toContain('\uFFFD');
    }
  });

  it('renders lazily: components run only as the stream is read', async () => {
    const seen: number[] = [];
    const reader = renderToStream(page(2000, (i) => seen.push(i)), { chunkSize: 1024 }).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const afterFirst = seen.length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(200);
    await reader.cancel();
    expect(seen.length).toBeLessThan(200);
  });

  it('keeps independent state when streams and string renders interleave', async () => {
    const a = renderToStream(page(400), { chunkSize: 512 }).getReader();
    const b = renderToStream(h('div', null, 'other', h('i', { onClick: noop }, 'x')), { chunkSize: 4, firstHid: 50 }).getReader();
    const decoder = new TextDecoder();
    let sa = '';
    let sb = '';
    let doneA = false;
    let doneB = false;
    while (!doneA || !doneB) {
      if (!doneA) {
        const r = await a.read();
        if (r.done) doneA = true;
        else sa += decoder.decode(r.value);
      }
      // A nested string render between slices must not disturb either stream.
      expect(renderToString(h('p', null, 'mid', h('b', { onClick: noop })))).toBe('<p>mid<b data-hid="3" data-on="click"></b></p>');
      if (!doneB) {
        const r = await b.read();
        if (r.done) doneB = true;
        else sb += decoder.decode(r.value);
      }
    }
    expect(sa).toBe(renderToString(page(400)));
    expect(sb).toBe('<div>other<i data-hid="52" data-on="click">x</i></div>');
  });

  it('errors the stream when a component throws', async () => {
    const Boom = () => {
      throw new Error('boom');
    };
    const stream = renderToStream(h('div', null, 'a', h(Boom, null)), { chunkSize: 1 });
    await expect(collect(stream)).rejects.toThrow('boom');
  });

  it('closes at once for an empty tree', async () => {
    const { chunks, text } = await collect(renderToStream(null));
    expect(chunks).toEqual([]);
    expect(text).toBe('');
  });

  it('collects useHead calls made while streaming', async () => {
    const head = new HeadCollector();
    const Page = () => {
      useHead({ title: 'Streamed' });
      return h('p', null, 'x');
    };
    await collect(renderToStream(h(Page, null), { head }));
    expect(head.data().title).toBe('Streamed');
  });
});

describe('renderToChunks / renderToAsyncIterable', () => {
  it('yield the same output', async () => {
    const expected = renderToString(page(500));
    const chunks = [...renderToChunks(page(500), { chunkSize: 2000 })];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(expected);
    const parts: Uint8Array[] = [];
    for await (const c of renderToAsyncIterable(page(500))) parts.push(c);
    expect(new TextDecoder().decode(Buffer.concat(parts))).toBe(expected);
  });
});
