/**
 * Reactive core throughput: Vango's signals against @preact/signals-core and alien-signals on the
 * standard graph shapes (diamond, deep chain, broad fan-out, layered graph, dynamic dependencies,
 * creation).
 *
 * Each library runs in its own worker thread (its own isolate), so JIT feedback from one library's
 * run cannot pessimize another's shared scenario code. Timed samples are interleaved between the
 * libraries (so load on the machine hits all of them alike); each figure is the median time per
 * iteration. Each scenario also computes a checksum from its effects so that a library that skipped
 * work would show up as a mismatch.
 *
 * Run: `npx node bench/reactive.ts [scenario-name-filter...]` (or `npm run bench reactive`).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

type LibName = 'vango' | 'preact' | 'alien';
const LIBS: readonly LibName[] = ['vango', 'preact', 'alien'];

/** The minimal surface every library is driven through (one library per isolate, so call sites stay monomorphic). */
interface Api {
  signal<T>(v: T): unknown;
  read<T>(node: unknown): T;
  write<T>(node: unknown, v: T): void;
  computed<T>(fn: () => T): unknown;
  effect(fn: () => void): () => void;
  batch(fn: () => void): void;
}

async function loadApi(lib: LibName): Promise<Api> {
  if (lib === 'vango') {
    const m = await import('../src/runtime/reactive/index.ts');
    return {
      signal: (v) => m.signal(v),
      read: (n) => (n as { get(): never }).get(),
      write: (n, v) => (n as { set(v: unknown): void }).set(v),
      computed: (fn) => m.memo(fn),
      effect: (fn) => {
        const e = m.effect(fn);
        return () => e.dispose();
      },
      batch: (fn) => m.batch(fn),
    };
  }
  if (lib === 'preact') {
    const m = await import('@preact/signals-core');
    return {
      signal: (v) => m.signal(v),
      read: (n) => (n as { value: never }).value,
      write: (n, v) => {
        (n as { value: unknown }).value = v;
      },
      computed: (fn) => m.computed(fn),
      effect: (fn) => m.effect(fn),
      batch: (fn) => m.batch(fn),
    };
  }
  const m = await import('alien-signals');
  return {
    signal: (v) => m.signal(v),
    read: (n) => (n as () => never)(),
    write: (n, v) => (n as (v: unknown) => void)(v),
    computed: (fn) => m.computed(fn),
    effect: (fn) => m.effect(fn),
    batch: (fn) => {
      m.startBatch();
      try {
        fn();
      } finally {
        m.endBatch();
      }
    },
  };
}

/** A prepared scenario: `step(i)` is one timed iteration; `check()` returns a checksum after the run. */
interface Prepared {
  step(i: number): void;
  check(): number;
  dispose(): void;
}

interface Scenario {
  name: string;
  /** What one iteration does (for the table). */
  unit: string;
  prepare(api: Api): Prepared;
  /** Fixed iteration count for scenarios whose iterations are heavy or allocate a lot. */
  iterations?: number;
}

const scenarios: Scenario[] = [
  {
    name: 'diamond',
    unit: '1 write + effect',
    prepare(api) {
      const s = api.signal(0);
      const a = api.computed(() => api.read<number>(s) + 1);
      const b = api.computed(() => api.read<number>(s) * 2);
      const c = api.computed(() => api.read<number>(a) + api.read<number>(b));
      let sum = 0;
      const stop = api.effect(() => {
        sum += api.read<number>(c);
      });
      return { step: (i) => api.write(s, i), check: () => sum, dispose: stop };
    },
  },
  {
    name: 'deep chain (1000)',
    unit: '1 write, 1000 memos, 1 effect',
    prepare(api) {
      const s = api.signal(0);
      let prev: unknown = s;
      for (let i = 0; i < 1000; i++) {
        const p = prev;
        prev = api.computed(() => api.read<number>(p) + 1);
      }
      const last = prev;
      let sum = 0;
      const stop = api.effect(() => {
        sum += api.read<number>(last);
      });
      return { step: (i) => api.write(s, i), check: () => sum, dispose: stop };
    },
  },
  {
    name: 'fan-out (1 → 1000 memos → 1000 effects)',
    unit: '1 write, 1000 memos, 1000 effects',
    prepare(api) {
      const s = api.signal(0);
      let sum = 0;
      const stops: Array<() => void> = [];
      for (let i = 0; i < 1000; i++) {
        const m = api.computed(() => api.read<number>(s) + i);
        stops.push(
          api.effect(() => {
            sum += api.read<number>(m);
          }),
        );
      }
      return { step: (i) => api.write(s, i), check: () => sum, dispose: () => stops.forEach((f) => f()) };
    },
  },
  {
    name: 'fan-out (1 → 1000 effects)',
    unit: '1 write, 1000 effects',
    prepare(api) {
      const s = api.signal(0);
      let sum = 0;
      const stops: Array<() => void> = [];
      for (let i = 0; i < 1000; i++) {
        stops.push(
          api.effect(() => {
            sum += api.read<number>(s);
          }),
        );
      }
      return { step: (i) => api.write(s, i), check: () => sum, dispose: () => stops.forEach((f) => f()) };
    },
  },
  {
    name: 'layered (1000 layers × 4)',
    unit: 'batched write of 4 signals, 4000 memos',
    prepare(api) {
      // The cellx shape: every layer recombines the previous one.
      const roots = [api.signal(1), api.signal(2), api.signal(3), api.signal(4)];
      let layer: unknown[] = roots;
      for (let d = 0; d < 1000; d++) {
        const [a, b, c, e] = layer;
        layer = [
          api.computed(() => api.read<number>(b)),
          api.computed(() => api.read<number>(a) - api.read<number>(c)),
          api.computed(() => api.read<number>(b) + api.read<number>(e)),
          api.computed(() => api.read<number>(c)),
        ];
      }
      const end = layer;
      let sum = 0;
      const stops = end.map((n) =>
        api.effect(() => {
          sum += api.read<number>(n);
        }),
      );
      return {
        step: (i) =>
          api.batch(() => {
            api.write(roots[0], i & 7);
            api.write(roots[1], (i + 1) & 7);
            api.write(roots[2], (i + 2) & 7);
            api.write(roots[3], (i + 3) & 7);
          }),
        check: () => sum,
        dispose: () => stops.forEach((f) => f()),
      };
    },
  },
  {
    name: 'dynamic dependencies',
    unit: 'toggle + 2 writes, 100 switching memos',
    prepare(api) {
      // Every memo switches between two sources when `sw` flips; writes then hit the live or the dropped side.
      const sw = api.signal(true);
      const as = Array.from({ length: 100 }, (_, i) => api.signal(i));
      const bs = Array.from({ length: 100 }, (_, i) => api.signal(-i));
      let sum = 0;
      const stops: Array<() => void> = [];
      for (let i = 0; i < 100; i++) {
        const a = as[i];
        const b = bs[i];
        const m = api.computed(() => (api.read<boolean>(sw) ? api.read<number>(a) : api.read<number>(b) * 2));
        // A memo whose dependency count depends on its input (the kairo "unstable" shape).
        const u = api.computed(() => {
          const v = api.read<number>(m);
          let t = v;
          if ((v & 1) === 0) for (let k = 0; k < 4; k++) t += api.read<number>(as[(i + k) % 100]);
          return t;
        });
        stops.push(
          api.effect(() => {
            sum += api.read<number>(u);
          }),
        );
      }
      return {
        step: (i) => {
          api.write(sw, (i & 1) === 0);
          api.write(as[i % 100], i);
          api.write(bs[(i * 7) % 100], i);
        },
        check: () => sum,
        dispose: () => stops.forEach((f) => f()),
      };
    },
  },
  {
    name: 'create 100k signals',
    unit: '100k signals created + read once',
    iterations: 3,
    prepare(api) {
      let sum = 0;
      return {
        step: (i) => {
          const arr = new Array<unknown>(100_000);
          for (let k = 0; k < 100_000; k++) arr[k] = api.signal(k + i);
          for (let k = 0; k < 100_000; k += 1000) sum += api.read<number>(arr[k]);
        },
        check: () => sum,
        dispose: () => {},
      };
    },
  },
];

/** One prepared scenario inside a worker, ready to time samples. */
interface Running {
  sc: Scenario;
  p: Prepared;
  i: number;
  /** Iterations per sample (calibrated so a sample takes ~10ms). */
  n: number;
}

type Request =
  | { op: 'prepare'; scenario: number }
  | { op: 'sample' }
  | { op: 'finish' }
  | { op: 'exit' };

type Reply = { op: 'ready' } | { op: 'sample'; us: number } | { op: 'finished'; checksum: number };

/** Worker side: prepare + warm up a scenario, then time samples on request. */
async function serveWorker(lib: LibName): Promise<void> {
  const api = await loadApi(lib);
  const port = parentPort!;
  let cur: Running | undefined;
  port.on('message', (req: Request) => {
    let reply: Reply;
    if (req.op === 'prepare') {
      const sc = scenarios[req.scenario]!;
      const p = sc.prepare(api);
      let i = 0;
      let n = sc.iterations ?? 1;
      const warmUntil = performance.now() + 150;
      while (performance.now() < warmUntil) {
        const t0 = performance.now();
        for (let k = 0; k < n; k++) p.step(i++);
        if (sc.iterations === undefined && performance.now() - t0 < 10) n *= 2;
      }
      cur = { sc, p, i, n };
      reply = { op: 'ready' };
    } else if (req.op === 'sample') {
      const c = cur!;
      const t0 = performance.now();
      for (let k = 0; k < c.n; k++) c.p.step(c.i++);
      reply = { op: 'sample', us: ((performance.now() - t0) * 1000) / c.n };
    } else if (req.op === 'finish') {
      // The checksum must not depend on how many iterations calibration chose: run a fixed script afresh.
      const c = cur!;
      c.p.dispose();
      const q = c.sc.prepare(api);
      for (let k = 0; k < 200; k++) q.step(k);
      reply = { op: 'finished', checksum: q.check() };
      q.dispose();
      cur = undefined;
    } else {
      port.close();
      return;
    }
    port.postMessage(reply);
  });
}

class WorkerClient {
  private readonly w: Worker;
  private waiting: { resolve: (r: Reply) => void; reject: (e: unknown) => void } | undefined;
  private failure: unknown;

  constructor(lib: LibName) {
    this.w = new Worker(new URL(import.meta.url), { workerData: { reactiveBenchLib: lib } });
    this.w.on('message', (r: Reply) => {
      const k = this.waiting;
      this.waiting = undefined;
      k?.resolve(r);
    });
    this.w.on('error', (e) => {
      this.failure = e;
      const k = this.waiting;
      this.waiting = undefined;
      k?.reject(e);
    });
  }

  ask(req: Request): Promise<Reply> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.w.postMessage(req);
    });
  }

  async close(): Promise<void> {
    this.w.postMessage({ op: 'exit' } satisfies Request);
    await new Promise((r) => this.w.once('exit', r));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface ReactiveBenchRow {
  scenario: string;
  unit: string;
  'vango µs': number;
  'preact µs': number;
  'alien µs': number;
  'vango/preact': number;
  'vango/alien': number;
  checksums: string;
}

export interface ReactiveBenchOptions {
  /** Only scenarios whose name contains one of these. */
  filter?: readonly string[];
  /** Timed samples per library and scenario (default 21). */
  samples?: number;
}

/**
 * Run every scenario for every library and return median time per iteration. Each library lives in
 * its own worker; samples are interleaved (vango, preact, alien, vango, ...) so that load changes on the
 * machine hit all three alike.
 */
export async function runReactiveBench(opts: ReactiveBenchOptions = {}): Promise<ReactiveBenchRow[]> {
  const samples = opts.samples ?? 21;
  const clients = LIBS.map((lib) => new WorkerClient(lib));
  const rows: ReactiveBenchRow[] = [];
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  try {
    for (let idx = 0; idx < scenarios.length; idx++) {
      const sc = scenarios[idx]!;
      if (opts.filter && opts.filter.length > 0 && !opts.filter.some((f) => sc.name.includes(f))) continue;
      for (const c of clients) await c.ask({ op: 'prepare', scenario: idx });
      const us: number[][] = LIBS.map(() => []);
      for (let s = 0; s < samples; s++) {
        for (let k = 0; k < LIBS.length; k++) {
          const li = (s + k) % LIBS.length;
          const r = await clients[li]!.ask({ op: 'sample' });
          if (r.op === 'sample') us[li]!.push(r.us);
        }
      }
      const sums: number[] = [];
      for (const c of clients) {
        const r = await c.ask({ op: 'finish' });
        sums.push(r.op === 'finished' ? r.checksum : NaN);
      }
      const [v, p, a] = us.map(median) as [number, number, number];
      rows.push({
        scenario: sc.name,
        unit: sc.unit,
        'vango µs': round(v, 3),
        'preact µs': round(p, 3),
        'alien µs': round(a, 3),
        'vango/preact': round(v / p, 2),
        'vango/alien': round(v / a, 2),
        checksums: sums.every((x) => x === sums[0]) ? 'match' : `MISMATCH ${sums.join(' / ')}`,
      });
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
  return rows;
}

function printTable(rows: ReactiveBenchRow[]): void {
  const cols = Object.keys(rows[0]!) as Array<keyof ReactiveBenchRow>;
  const cell = (v: unknown) => String(v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => '| ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(cols));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
  console.log('\nTimes are median µs per iteration (lower is better); ratios < 1 mean Vango is faster.');
}

if (!isMainThread && (workerData as { reactiveBenchLib?: LibName } | null)?.reactiveBenchLib) {
  await serveWorker((workerData as { reactiveBenchLib: LibName }).reactiveBenchLib);
} else if (isMainThread && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await runReactiveBench({ filter: process.argv.slice(2) }));
}
