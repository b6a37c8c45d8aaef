/** The size table `vango build` prints: file, raw, gzip, brotli; a warning when the client is over budget. */
import type { BuildManifest } from '../../runtime/node/manifest.ts';

export interface SizeRow {
  file: string;
  raw: number;
  gzip?: number;
  brotli?: number;
  /** Gzip budget for this file, when it has one. */
  budget?: number;
}

export interface SizeReport {
  rows: SizeRow[];
  /** Files whose gzip size is over their budget. */
  over: SizeRow[];
}

/** Rows for every asset and public file of a manifest (the server bundle too, raw only). */
export function sizeRows(m: BuildManifest): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const [name, a] of Object.entries(m.assets)) {
    rows.push({ file: a.file, raw: a.size, gzip: a.gzip, brotli: a.brotli, ...(name === 'vango.js' ? { budget: m.budget.client } : {}) });
  }
  for (const f of Object.values(m.public)) rows.push({ file: f.file, raw: f.size, gzip: f.gzip, brotli: f.brotli });
  rows.push({ file: m.server.file, raw: m.server.size });
  return rows;
}

export function sizeReport(m: BuildManifest): SizeReport {
  const rows = sizeRows(m);
  return { rows, over: rows.filter((r) => r.budget !== undefined && r.gzip !== undefined && r.gzip > r.budget) };
}

/** `1234` → `1.21 kB`; bytes under 1 kB as `512 B`. */
export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(2)} kB`;
}

/**
 * The table as lines. `yellow` colors rows over budget; a line per over-budget file follows the table.
 */
export function formatSizeReport(report: SizeReport, yellow: (s: string) => string = (s) => s): string[] {
  const head = ['file', 'raw', 'gzip', 'brotli'];
  const cells = report.rows.map((r) => [r.file, formatBytes(r.raw), r.gzip === undefined ? '-' : formatBytes(r.gzip), r.brotli === undefined ? '-' : formatBytes(r.brotli)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  ')];
  report.rows.forEach((r, i) => {
    const text = line(cells[i]!);
    out.push(report.over.includes(r) ? yellow(`${text}  over budget`) : text);
  });
  for (const r of report.over) {
    out.push(yellow(`warning: ${r.file} is ${formatBytes(r.gzip!)} gzip, over its budget of ${formatBytes(r.budget!)}`));
  }
  return out;
}
