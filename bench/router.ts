/**
 * Route matching cost: `router.match(pathname)` (split, percent-decode, tree walk, param coercion, the
 * match object) for an app of 10 routes and one of 1,000, on static, param and catch-all hits and on
 * misses, cycling over 64 different paths per case. Two figures per case: `ns/op`, the lowest CPU time
 * per match over several rounds (what shared or loaded machines distort least), and `wall ns/op`, the
 * median wall-clock time from bench/lib/measure.ts.
 *
 * Run: `npx node bench/router.ts`
 */
import { createRouter, type RouteDef, type RouteTable } from '../src/runtime/router/index.ts';
import { isMain, time } from './lib/measure.ts';

const Page = () => null;

function def(pattern: string, params?: Record<string, 'int'>): RouteDef {
  return { pattern, file: `${pattern}.tsx`, module: { default: Page, params }, layouts: [], middleware: [] };
}

/** A small app: what most sites look like. */
function smallApp(): RouteTable {
  const routes = [
    def('/'),
    def('/about'),
    def('/pricing'),
    def('/projects'),
    def('/projects/new'),
    def('/projects/:id', { id: 'int' }),
    def('/projects/:id/edit', { id: 'int' }),
    def('/docs/:slug+'),
    def('/blog/:year/:slug', { year: 'int' }),
    def('/api/health'),
  ];
  return { routes, layouts: [], middleware: [], errors: [], notFound: [] };
}

/** 100 sections of 10 routes: 4 static, 4 with params, 2 catch-alls. */
function largeApp(): RouteTable {
  const routes: RouteDef[] = [];
  for (let s = 0; s < 100; s++) {
    const p = `/s${s}`;
    routes.push(
      def(p),
      def(`${p}/about`),
      def(`${p}/projects`),
      def(`${p}/projects/new`),
      def(`${p}/projects/:id`, { id: 'int' }),
      def(`${p}/projects/:id/edit`, { id: 'int' }),
      def(`${p}/users/:user`),
      def(`${p}/users/:user/posts/:post`, { post: 'int' }),
      def(`${p}/docs/:slug+`),
      def(`${p}/files/:path+`),
    );
  }
  return { routes, layouts: [], middleware: [], errors: [], notFound: [] };
}

const N = 64;
const cycle = (make: (i: number) => string) => Array.from({ length: N }, (_, i) => make(i));

const cases = {
  small: {
    table: smallApp,
    static: cycle((i) => ['/about', '/pricing', '/projects/new', '/api/health'][i % 4]!),
    param: cycle((i) => (i % 2 ? `/projects/${i * 37}` : `/blog/20${10 + (i % 15)}/post-${i}`)),
    catchAll: cycle((i) => `/docs/guide/part-${i}/section-${i % 7}`),
    miss: cycle((i) => (i % 2 ? `/nope/${i}` : `/projects/not-a-number-${i}`)),
  },
  large: {
    table: largeApp,
    static: cycle((i) => `/s${(i * 13) % 100}/${i % 2 ? 'about' : 'projects/new'}`),
    param: cycle((i) => (i % 2 ? `/s${(i * 7) % 100}/projects/${i * 37}` : `/s${(i * 7) % 100}/users/u${i}/posts/${i}`)),
    catchAll: cycle((i) => `/s${(i * 11) % 100}/docs/guide/part-${i}/section-${i % 7}`),
    miss: cycle((i) => (i % 2 ? `/s${i % 100}/nope/${i}` : `/s${(i * 3) % 100}/projects/x${i}`)),
  },
};

export interface RouterBenchRow {
  routes: number;
  case: string;
  'ns/op': number;
  'wall ns/op': number;
}

/** Lowest CPU time per call of `fn` over `rounds` rounds of about `ms` each, in ns. */
function cpuNs(fn: (i: number) => void, rounds = 9, ms = 60): number {
  let n = 1024;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    if (performance.now() - t0 > ms || n > 1e8) break;
    n *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn(i);
    const c = process.cpuUsage(c0);
    best = Math.min(best, ((c.user + c.system) * 1000) / n);
  }
  return best;
}

export function runRouterBench(): RouterBenchRow[] {
  const rows: RouterBenchRow[] = [];
  for (const c of Object.values(cases)) {
    const table = c.table();
    const router = createRouter(table);
    for (const kind of ['static', 'param', 'catchAll', 'miss'] as const) {
      const paths = c[kind];
      // Check the inputs do what their name says before timing them.
      for (const p of paths) {
        const m = router.match(p);
        if ((kind === 'miss') !== (m === undefined)) throw new Error(`bench input ${p} (${kind}) matched ${JSON.stringify(m?.kind)}`);
      }
      let sink = 0;
      const op = (i: number) => {
        if (router.match(paths[i & (N - 1)]!) !== undefined) sink++;
      };
      const cpu = cpuNs(op);
      const wall = time(op);
      void sink;
      rows.push({ routes: table.routes.length, case: kind, 'ns/op': Math.round(cpu), 'wall ns/op': Math.round(wall.us * 1000) });
    }
  }
  return rows;
}

if (isMain(import.meta.url)) console.table(runRouterBench());
