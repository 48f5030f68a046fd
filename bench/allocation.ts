// Allocation figures: formula time for 43 municipalities up to 100,000 units (growth), and IRD041 import time.
import { allocate, type FormulaEntry, type FormulaParameters } from '../lib/domain/allocation/formula.js';
import { parseHeadcounts } from '../lib/domain/headcounts/parse.js';
import { MUNICIPALITIES } from '../lib/domain/municipalities/registry.js';
import { IRD041_AGES, ird041Areas, ird041Csv, ird041JsonStat } from '../test/support/ird041.js';
import { FULL, measure, printTable, type BenchOptions, type Row } from './stats.js';

/** n units with head-counts spread like municipalities (a few large, many small), deterministic. */
function units(n: number): FormulaEntry[] {
  return Array.from({ length: n }, (_, i) => ({ code: `U${String(i).padStart(6, '0')}`, youth: 200 + ((i * 2_654_435_761) % 50_000) }));
}

const BUDGET = 359_000_000;

export async function benchAllocation(options: BenchOptions = FULL): Promise<void> {
  const sizes = options.smoke ? [43, 1_000] : [43, 1_000, 10_000, 100_000];
  const scenarios: { name: string; params: (n: number) => FormulaParameters }[] = [
    { name: 'proportional only', params: () => ({ budgetCents: BUDGET, reserveCents: 0, baseCents: 0, floorCents: null, capCents: null }) },
    {
      name: 'base + floor + cap binding',
      params: (n) => {
        const even = Math.floor(BUDGET / n);
        return { budgetCents: BUDGET, reserveCents: 0, baseCents: Math.floor(even / 4), floorCents: Math.floor((even * 3) / 4), capCents: Math.ceil(even * 1.5) };
      },
    },
  ];
  for (const scenario of scenarios) {
    const rows: Row[] = [];
    let base43 = 0;
    for (const n of sizes) {
      const entries = units(n);
      const p = scenario.params(n);
      const runs = options.smoke ? 2 : n <= 1_000 ? 200 : n <= 10_000 ? 20 : 5;
      let rounds = 0;
      const t = await measure(async () => { rounds = allocate(p, entries).rounds; }, runs, Math.min(5, runs));
      if (n === 43) base43 = t.p50;
      rows.push({ units: n, runs, rounds, mean_ms: t.mean, p50_ms: t.p50, us_per_unit: (t.mean * 1000) / n, 'p50_ratio_vs_43': t.p50 / base43, 'size_ratio': n / 43 });
    }
    printTable(`allocate(): ${scenario.name} (exact BigInt arithmetic, largest remainder)`, rows);
  }

  const areas = ird041Areas();
  const json = ird041JsonStat({ years: [2025] });
  const csv = ird041Csv({ years: [2025] });
  const cells = areas.length * IRD041_AGES.length * 3;
  const rows: Row[] = [];
  for (const [format, content] of [['json-stat2', json], ['csv-ird041', csv]] as const) {
    const t = await measure(async () => { parseHeadcounts({ format, content }, MUNICIPALITIES); }, options.smoke ? 2 : 50, options.smoke ? 1 : 5);
    rows.push({ format, areas: areas.length, ages: IRD041_AGES.length, sexes: 3, cells, bytes: content.length, mean_ms: t.mean, p99_ms: t.p99 });
  }
  rows.push({ format: 'ratio csv/json', areas: '', ages: '', sexes: '', cells: '', bytes: csv.length / json.length, mean_ms: (rows[1]!.mean_ms as number) / (rows[0]!.mean_ms as number), p99_ms: (rows[1]!.p99_ms as number) / (rows[0]!.p99_ms as number) });
  printTable(`Import of a full IRD041 extract (${areas.length} areas incl. all municipalities × ${IRD041_AGES.length} age classes × 3 sexes, one year)`, rows);
}
