/**
 * Wire codec throughput: `npx node bench/codec.ts`. Prints ns/op and MB/s (frame bytes per second)
 * for encoding and decoding representative frames.
 */
import { pathToFileURL } from 'node:url';
import { Op } from '../src/runtime/vdom/patch.ts';
import type { Patch, WireNode } from '../src/runtime/vdom/patch.ts';
import { Kind } from '../src/runtime/vdom/vnode.ts';
import { decodeClientFrame } from '../src/runtime/protocol/decode-c2s.ts';
import { decodeServerFrame } from '../src/runtime/protocol/decode-s2c.ts';
import { encodeEvent } from '../src/runtime/protocol/encode-c2s.ts';
import { encodePatches } from '../src/runtime/protocol/encode-s2c.ts';
import { EventKind, Mod } from '../src/runtime/protocol/events.ts';

export interface CodecBenchResult {
  name: string;
  /** Encoded frame size. */
  bytes: number;
  encodeNs: number;
  decodeNs: number;
  encodeMBps: number;
  decodeMBps: number;
}

interface Case {
  name: string;
  encode: () => Uint8Array;
  decode: (b: Uint8Array) => { ok: boolean };
}

const el = (tag: string, attrs: [string, string][], children: WireNode[]): WireNode => ({
  kind: Kind.Element, tag, attrs, children,
});
const text = (t: string): WireNode => ({ kind: Kind.Text, text: t });

function hundredOps(): Patch[] {
  const ops: Patch[] = [];
  for (let i = 0; i < 100; i++) {
    const hid = 10 + i * 7;
    switch (i % 10) {
      case 0: case 1: case 2: ops.push({ op: Op.SetText, hid, text: `Row ${i}: ${i * 17} items` }); break;
      case 3: case 4: ops.push({ op: Op.SetAttr, hid, name: 'class', value: i % 2 ? 'row active' : 'row' }); break;
      case 5: ops.push({ op: Op.SetProp, hid, name: 'checked', value: i % 3 === 0 }); break;
      case 6: ops.push({ op: Op.AddClass, hid, name: 'highlight' }); break;
      case 7: ops.push({ op: Op.Move, parent: 3, hid, before: hid + 7 }); break;
      case 8: ops.push({ op: Op.Remove, hid }); break;
      default:
        ops.push({
          op: Op.Insert, parent: 3, before: 0, first: 5000 + i * 3,
          node: el('li', [['class', 'row']], [el('span', [], [text('new ' + i)])]),
        });
    }
  }
  return ops;
}

function thousandNodes(): WireNode {
  // table > 333 × (tr > td > text) = 1 + 999 = 1,000 nodes
  const rows: WireNode[] = [];
  for (let i = 0; i < 333; i++) {
    rows.push(el('tr', [['data-row', String(i)], ['class', i % 2 ? 'odd' : 'even']], [el('td', [], [text(`Cell ${i} — ${i * 3.5}`)])]));
  }
  return el('table', [['class', 'grid']], rows);
}

function cases(): Case[] {
  const ops = hundredOps();
  const tree = thousandNodes();
  return [
    {
      name: 'click event',
      encode: () => encodeEvent(1234, { kind: EventKind.Click, hid: 42, mods: Mod.Shift, point: { x: 312, y: 188 } }),
      decode: decodeClientFrame,
    },
    {
      name: 'input event',
      encode: () => encodeEvent(1235, { kind: EventKind.Input, hid: 57, value: 'hello world, typing here' }),
      decode: decodeClientFrame,
    },
    {
      name: 'SetText patch frame',
      encode: () => encodePatches(88, [{ op: Op.SetText, hid: 12, text: 'Count: 42' }]),
      decode: decodeServerFrame,
    },
    { name: '100-op patches frame', encode: () => encodePatches(89, ops), decode: decodeServerFrame },
    {
      name: '1,000-node Insert',
      encode: () => encodePatches(90, [{ op: Op.Insert, parent: 1, before: 0, first: 2, node: tree }]),
      decode: decodeServerFrame,
    },
  ];
}

let sink = 0;

/**
 * ns per call of `f`: runs it for about `ms` in 5 rounds and keeps the fastest round, which filters
 * out GC pauses and noise from other processes.
 */
function time(f: () => void, ms: number): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    let batch = 16;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms / 5) {
      for (let i = 0; i < batch; i++) f();
      n += batch;
      if (batch < 1 << 14) batch *= 2;
      t = performance.now();
    }
    best = Math.min(best, ((t - t0) * 1e6) / n);
  }
  return best;
}

export function runCodecBench(opts: { ms?: number } = {}): CodecBenchResult[] {
  const ms = opts.ms ?? 500;
  const out: CodecBenchResult[] = [];
  for (const c of cases()) {
    const frame = c.encode();
    if (!c.decode(frame).ok) throw new Error(c.name + ': frame does not decode');
    time(() => (sink += c.encode().length), ms / 4); // warm-up
    time(() => (sink += c.decode(frame).ok ? 1 : 0), ms / 4);
    const encodeNs = time(() => (sink += c.encode().length), ms);
    const decodeNs = time(() => (sink += c.decode(frame).ok ? 1 : 0), ms);
    const mbps = (ns: number) => (frame.length / ns) * 1e3; // bytes/ns → MB/s (10^6 bytes)
    out.push({ name: c.name, bytes: frame.length, encodeNs, decodeNs, encodeMBps: mbps(encodeNs), decodeMBps: mbps(decodeNs) });
  }
  if (sink === -1) console.log(sink);
  return out;
}

function print(results: CodecBenchResult[]): void {
  const f = (x: number, d = 0) => x.toFixed(d).padStart(10);
  console.log('case'.padEnd(22) + 'bytes'.padStart(8) + 'enc ns/op'.padStart(10) + 'enc MB/s'.padStart(10) + 'dec ns/op'.padStart(10) + 'dec MB/s'.padStart(10));
  for (const r of results) {
    console.log(r.name.padEnd(22) + String(r.bytes).padStart(8) + f(r.encodeNs) + f(r.encodeMBps, 1) + f(r.decodeNs) + f(r.decodeMBps, 1));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) print(runCodecBench());
