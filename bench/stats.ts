// Small statistics helpers for benchmarks: percentiles, timing loops and a printed table.
import type { RunningDynamo } from '../lib/local/dynamodb-local.js';

/** How a section runs: in full, or in smoke mode (tiny sizes, one pass) so `npm test` proves every section still runs. */
export interface BenchOptions {
  readonly smoke: boolean;
  /** One DynamoDB Local for every section (smoke runs), instead of a JVM of each section's own. */
  readonly dynamo?: RunningDynamo;
}

export const FULL: BenchOptions = { smoke: false };

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank]!;
}

export interface Latency { n: number; p50: number; p99: number; mean: number }

/** Runs `fn` `warmup` times unmeasured, then `n` times sequentially, and returns its latency distribution in ms. */
export async function measure(fn: () => Promise<unknown>, n: number, warmup = Math.min(50, n)): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { n, p50: percentile(samples, 50), p99: percentile(samples, 99), mean: samples.reduce((a, b) => a + b, 0) / n };
}

export type Row = Record<string, string | number>;

export function printTable(title: string, rows: readonly Row[]): void {
  console.log(`\n## ${title}`);
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const fmt = (v: string | number | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : (v ?? ''));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => fmt(r[c]).length)));
  console.log(cols.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(cols.map((c, i) => fmt(r[c]).padEnd(widths[i]!)).join('  '));
}
