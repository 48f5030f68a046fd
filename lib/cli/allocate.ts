// `npm run allocate -- --headcounts FILE …`: the allocation formula on a head-count file, without AWS.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rigaDate, systemClock } from '../domain/clock.js';
import { DomainError, RuleViolation, ValidationError } from '../domain/errors.js';
import { centsToEuros, eurosToCents } from '../domain/allocation/exact.js';
import { planRun, type Plan } from '../domain/allocation/plan.js';
import { runCsv } from '../domain/allocation/report.js';
import { DEFAULT_BUDGET_CENTS } from '../domain/allocation/types.js';
import { parseHeadcounts } from '../domain/headcounts/parse.js';
import { HEADCOUNT_FORMATS, type HeadcountFormat } from '../domain/headcounts/types.js';
import { MUNICIPALITIES } from '../domain/municipalities/registry.js';

const USAGE = `usage: npm run allocate -- --headcounts FILE [--budget EUR] [--reserve EUR] [--base EUR] [--floor EUR] [--cap EUR]
                            [--format table|csv|json] [--year YYYY] [--input json-stat2|csv-ird041|csv-simple]
  FILE     IRD041 as JSON-stat 2.0 or its CSV export, or a CSV "code,name,youth"
  EUR      euros with at most two decimals (3590000, 1234.56); budget defaults to 3590000
  --year   the reference year (1 January); IRD041 files default to their latest year, plain CSV to this year`;

class UsageError extends Error {}

/** Guesses the file's format: JSON → JSON-stat, a "code,name,youth" header → plain CSV, else the IRD041 CSV export. */
function detectFormat(content: string): HeadcountFormat {
  if (content.trimStart().startsWith('{')) return 'json-stat2';
  const first = content.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return first.trim().toLowerCase().replace(/[";\t]/g, ',') === 'code,name,youth' ? 'csv-simple' : 'csv-ird041';
}

function euros(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const cents = eurosToCents(text);
  if (cents === undefined) throw new UsageError(`--${name} must be euros with at most two decimals, e.g. 1234.56 (got "${text}")`);
  return cents;
}

function table(plan: Plan, referenceDate: string): string {
  const head = ['Kods', 'Pašvaldība', 'Jaunieši', 'Summa, EUR', 'EUR/jaunietis', 'Korekcija'];
  const rows = plan.lines.map((l) => [
    l.code, l.name, String(l.youth), centsToEuros(l.amountCents), l.explanation.eurosPerYouth ?? '—',
    l.explanation.adjustment === 'floor' ? 'minimums' : l.explanation.adjustment === 'cap' ? 'maksimums' : '',
  ]);
  const total = ['', 'Kopā', String(plan.totalYouth), centsToEuros(plan.lines.reduce((s, l) => s + l.amountCents, 0)), '', ''];
  const all = [head, ...rows, total];
  const width = head.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const numeric = [false, false, true, true, true, false];
  const fmt = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join('  ').trimEnd();
  const p = plan.parameters;
  return [
    `Atsauces datums ${referenceDate}; budžets ${centsToEuros(p.budgetCents)}, rezerve ${centsToEuros(p.reserveCents)}, sadalāms ${centsToEuros(plan.distributableCents)} EUR`,
    fmt(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), width.map((w) => '-'.repeat(w)).join('  '), fmt(total),
  ].join('\n');
}

export function main(argv: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        headcounts: { type: 'string' }, budget: { type: 'string' }, reserve: { type: 'string' }, base: { type: 'string' },
        floor: { type: 'string' }, cap: { type: 'string' }, format: { type: 'string', default: 'table' },
        year: { type: 'string' }, input: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (!values.headcounts) throw new UsageError('--headcounts FILE is required');
    if (!['table', 'csv', 'json'].includes(values.format)) throw new UsageError('--format must be table, csv or json');
    if (values.input !== undefined && !(HEADCOUNT_FORMATS as readonly string[]).includes(values.input)) throw new UsageError(`--input must be one of ${HEADCOUNT_FORMATS.join(', ')}`);
    if (values.year !== undefined && !/^[0-9]{4}$/.test(values.year)) throw new UsageError('--year must be a year such as 2025');
    const money = {
      budgetCents: euros('budget', values.budget) ?? DEFAULT_BUDGET_CENTS,
      reserveCents: euros('reserve', values.reserve) ?? 0,
      baseCents: euros('base', values.base) ?? 0,
      floorCents: euros('floor', values.floor) ?? null,
      capCents: euros('cap', values.cap) ?? null,
    };
    let content: string;
    try {
      content = readFileSync(values.headcounts, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${values.headcounts}: ${(error as Error).message}`);
    }
    const format = (values.input as HeadcountFormat | undefined) ?? detectFormat(content);
    const year = values.year ? Number(values.year) : format === 'csv-simple' ? Number(rigaDate(systemClock.now()).slice(0, 4)) : undefined;
    const parsed = parseHeadcounts({ format, content, referenceYear: year }, MUNICIPALITIES);
    const plan = planRun(parsed.lines, money, MUNICIPALITIES, parsed.referenceDate);
    if (values.format === 'csv') return { code: 0, stdout: runCsv(plan.lines), stderr: '' };
    if (values.format === 'table') return { code: 0, stdout: `${table(plan, parsed.referenceDate)}\n`, stderr: '' };
    const p = plan.parameters;
    const json = {
      budgetCents: p.budgetCents,
      distributableCents: plan.distributableCents,
      reserveCents: p.reserveCents,
      baseCents: p.baseCents,
      floorCents: p.floorCents,
      capCents: p.capCents,
      referenceDate: parsed.referenceDate,
      totalYouth: plan.totalYouth,
      allocations: plan.lines.map((l) => ({
        code: l.code, name: l.name, youth: l.youth, amountCents: l.amountCents,
        eurosPerYouth: l.explanation.eurosPerYouth, explanation: l.explanation,
      })),
    };
    return { code: 0, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { code: 2, stdout: '', stderr: `${(error as Error).message}\n${USAGE}\n` };
    }
    if (error instanceof ValidationError) {
      return { code: 1, stdout: '', stderr: `${error.detail ?? error.title.en}\n${error.issues.map((i) => `  ${i.field}  ${i.rule}  ${i.message}`).join('\n')}\n` };
    }
    if (error instanceof RuleViolation) return { code: 1, stdout: '', stderr: `${error.ruleId}: ${error.title.lv} / ${error.title.en}\n` };
    if (error instanceof DomainError) return { code: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('allocate.ts')) {
  const result = main(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
