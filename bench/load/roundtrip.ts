/**
 * Event round trip on loopback: a load generator in this process drives real WebSocket clients against
 * the counter app in a child process. Each session sends one click per second (phases spread evenly);
 * latency is click sent → its Patches frame received. Also measures memory per idle session.
 *
 * Budget (ARCHITECTURE.md): 1,000 sessions × 1 event/s: p50 ≤ 0.5 ms, p99 ≤ 3 ms, 0 errors, in order;
 * memory per idle session ≤ 12 KB of V8 heap.
 *
 * Run: `npx node bench/load/roundtrip.ts [sessions=1000] [seconds=10]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FrameType } from '../../src/runtime/protocol/frames.ts';
import { Op } from '../../src/runtime/vdom/patch.ts';
import { openPage, WireClient } from '../../test/helpers/wire-client.ts';
import { isMain, percentile } from '../lib/measure.ts';

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./counter-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--expose-gc', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (c) => reject(new Error(`server exited with ${c}`)));
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
  });
  return { url, child };
}

async function heap(url: string): Promise<{ heapUsed: number; sessions: number }> {
  return (await fetch(`${url}/__bench/heap`)).json() as Promise<{ heapUsed: number; sessions: number }>;
}

interface Live {
  c: WireClient;
  button: number;
  sent: Map<number, number>;
  expect: number;
}

async function connectMany(url: string, n: number): Promise<Live[]> {
  const out: Live[] = [];
  const batch = 50;
  for (let i = 0; i < n; i += batch) {
    const group = await Promise.all(
      Array.from({ length: Math.min(batch, n - i) }, async () => {
        const page = await openPage(url);
        const c = await WireClient.connect(url, page);
        await c.next((f) => f.type === FrameType.ServerHello);
        return { c, button: page.handlers.get('click')![0]!, sent: new Map<number, number>(), expect: 1 };
      }),
    );
    out.push(...group);
  }
  return out;
}

export interface RoundtripResult {
  sessions: number;
  events: number;
  p50: number;
  p99: number;
  errors: number;
  outOfOrder: number;
  bytesPerIdleSession: number;
  sessionsPerGB: number;
}

export async function runRoundtripBench(opts: { sessions?: number; seconds?: number; quiet?: boolean } = {}): Promise<RoundtripResult> {
  const sessions = opts.sessions ?? 1000;
  const seconds = opts.seconds ?? 10;
  const { url, child } = await startServer();
  try {
    // Memory per idle session: heap delta over N connected sessions (page rendered, socket open, hello done).
    const before = await heap(url);
    const idle = await connectMany(url, sessions);
    const after = await heap(url);
    const perSession = (after.heapUsed - before.heapUsed) / sessions;

    // Warm-up: one click per session.
    const lat: number[] = [];
    let errors = 0;
    let outOfOrder = 0;
    for (const s of idle) {
      s.c.onFrame = (f) => {
        if (f.type === FrameType.Error) errors++;
        if (f.type !== FrameType.Patches) return;
        const t = s.sent.get(f.eventSeq);
        if (t !== undefined) {
          lat.push(performance.now() - t);
          s.sent.delete(f.eventSeq);
        }
        for (const p of f.patches) {
          if (p.op !== Op.SetText) continue;
          if (p.text !== `Count: ${s.expect}`) outOfOrder++;
          s.expect++;
        }
        s.c.ack();
      };
      s.c.ws.on('error', () => errors++);
    }
    const clickAll = () => {
      for (const s of idle) s.sent.set(s.c.click(s.button), performance.now());
    };
    clickAll();
    await new Promise((r) => setTimeout(r, 1000));
    lat.length = 0;

    // Measured run: every session clicks once per second, spread over the second.
    const tickMs = 10;
    const perTick = Math.ceil((sessions * tickMs) / 1000);
    let sent = 0;
    await new Promise<void>((resolve) => {
      let i = 0;
      const end = performance.now() + seconds * 1000;
      const timer = setInterval(() => {
        for (let k = 0; k < perTick; k++) {
          const s = idle[i++ % sessions]!;
          s.sent.set(s.c.click(s.button), performance.now());
          sent++;
        }
        if (performance.now() >= end) {
          clearInterval(timer);
          setTimeout(resolve, 500);
        }
      }, tickMs);
    });
    const lost = idle.reduce((n, s) => n + s.sent.size, 0);
    errors += lost;
    const r: RoundtripResult = {
      sessions,
      events: sent,
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
      errors,
      outOfOrder,
      bytesPerIdleSession: perSession,
      sessionsPerGB: Math.floor(2 ** 30 / perSession),
    };
    for (const s of idle) s.c.close();
    if (!opts.quiet) {
      console.log(`event round trip, ${sessions} sessions × 1 event/s for ${seconds}s on loopback (${sent} events)`);
      console.log(`  p50 ${r.p50.toFixed(3)} ms   p99 ${r.p99.toFixed(3)} ms   errors ${errors}   out of order ${outOfOrder}   (budget p50 ≤ 0.5 ms, p99 ≤ 3 ms)`);
      console.log(`memory per idle session (counter page, socket included): ${(perSession / 1024).toFixed(2)} KB of V8 heap → ${r.sessionsPerGB.toLocaleString('en')} sessions per GB (budget ≤ 12 KB)`);
    }
    return r;
  } finally {
    child.kill('SIGTERM');
  }
}

/** Single-session round trip: click → patch, sequential, many times. */
export async function runSingleRoundtripBench(opts: { events?: number; quiet?: boolean } = {}): Promise<{ p50: number; p99: number }> {
  const n = opts.events ?? 2000;
  const { url, child } = await startServer();
  try {
    const page = await openPage(url);
    const c = await WireClient.connect(url, page);
    await c.next((f) => f.type === FrameType.ServerHello);
    const button = page.handlers.get('click')![0]!;
    const lat: number[] = [];
    for (let i = 0; i < n + 200; i++) {
      const t = performance.now();
      c.click(button);
      await c.next((f) => f.type === FrameType.Patches);
      if (i >= 200) lat.push(performance.now() - t);
      if (i % 50 === 0) c.ack();
    }
    c.close();
    const r = { p50: percentile(lat, 50), p99: percentile(lat, 99) };
    if (!opts.quiet) console.log(`event round trip, 1 session, sequential (${n} events): p50 ${r.p50.toFixed(3)} ms   p99 ${r.p99.toFixed(3)} ms`);
    return r;
  } finally {
    child.kill('SIGTERM');
  }
}

if (isMain(import.meta.url)) {
  const [sessions, seconds] = process.argv.slice(2).map(Number);
  await runSingleRoundtripBench();
  await runRoundtripBench({ sessions: sessions || 1000, seconds: seconds || 10 });
}
