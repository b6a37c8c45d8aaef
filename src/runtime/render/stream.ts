/**
 * Streaming HTML: a pull-based `ReadableStream` that renders the next ~16 KB only when the consumer
 * asks for it, so a large page never sits in memory whole and components run as the stream is read.
 * The bytes are those of `renderToString` (the same emission code, driven by an explicit stack).
 */
import { normalizeOutput } from '../vdom/h.ts';
import type { Child, VNode } from '../vdom/vnode.ts';
import { walkInSlices, type RenderOptions, type Slicer } from './walk.ts';

/** Options for the streaming renderers. */
export interface StreamOptions extends RenderOptions {
  /** Approximate chunk size in UTF-16 code units (default 16384). */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 16 * 1024;

function* chunks(slice: Slicer, size: number): Generator<string, void, undefined> {
  for (let c = slice(size); c !== null; c = slice(size)) if (c !== '') yield c;
}

function toStream(slice: Slicer, size: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      // Loop past empty slices so each pull enqueues a chunk or closes.
      for (;;) {
        const c = slice(size);
        if (c === null) {
          controller.close();
          return;
        }
        if (c !== '') {
          controller.enqueue(encoder.encode(c));
          return;
        }
      }
    },
  });
}

/** Render a fresh tree as a stream of UTF-8 chunks (same bytes as `renderToString`). */
export function renderToStream(child: Child, opts?: StreamOptions): ReadableStream<Uint8Array> {
  return toStream(walkInSlices(normalizeOutput(child), false, opts), opts?.chunkSize ?? DEFAULT_CHUNK);
}

/** Stream an already-mounted tree (same bytes as `renderMounted`). */
export function renderMountedToStream(node: VNode, opts?: Pick<StreamOptions, 'foreign' | 'head' | 'chunkSize'>): ReadableStream<Uint8Array> {
  return toStream(walkInSlices(node, true, opts), opts?.chunkSize ?? DEFAULT_CHUNK);
}

/** Render a fresh tree as a lazy sequence of string chunks (e.g. for `res.write`). */
export function renderToChunks(child: Child, opts?: StreamOptions): Generator<string, void, undefined> {
  return chunks(walkInSlices(normalizeOutput(child), false, opts), opts?.chunkSize ?? DEFAULT_CHUNK);
}

/** Render a fresh tree as an async iterable of UTF-8 chunks. */
export async function* renderToAsyncIterable(child: Child, opts?: StreamOptions): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  for (const c of renderToChunks(child, opts)) yield encoder.encode(c);
}
