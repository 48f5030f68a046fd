import { describe, expect, it } from 'vitest';
import { barChart, latvianEuros, runCsv, runCsvFile, runHtml } from '../../../../lib/domain/allocation/report.js';
import type { AllocationRun, RunLine } from '../../../../lib/domain/allocation/types.js';

const line = (over: Partial<RunLine> = {}): RunLine => ({
  code: 'LV-042', name: 'Jēkabpils novads', cohort: 1, youth: 400, amountCents: 1_234_567,
  explanation: { baseCents: 100_000, proportionalShare: '1134567', unadjustedCents: '1234567.0000', adjustment: null, adjustmentCents: '0', exactCents: '1234567', roundingCent: 0, eurosPerYouth: '30.86' },
  ...over,
});

describe('CSV export', () => {
  it('starts the downloaded file with a UTF-8 byte-order mark so spreadsheets keep Latvian letters', () => {
    const lines = [line()];
    expect(runCsvFile(lines)).toBe(`\uFEFF${runCsv(lines)}`);
    expect([...Buffer.from(runCsvFile(lines), 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes one row per line with cents and euros, quoting names that need it', () => {
    const csv = runCsv([line(), line({ code: 'LV-RIX', name: 'Rīga, "galvaspilsēta"', cohort: null })]);
    const rows = csv.split('\r\n');
    expect(rows[1]).toBe('LV-042,Jēkabpils novads,1,400,1000.00,1134567,,0,0,1234567,12345.67,30.86');
    expect(rows[2]).toMatch(/^LV-RIX,"Rīga, ""galvaspilsēta""",,400,/);
  });
});

describe('HTML report', () => {
  it.each([[1_234_567, '12\u00a0345,67'], [5, '0,05'], [359_000_000, '3\u00a0590\u00a0000,00']])('writes %i cents as %s euros', (cents, text) => {
    expect(latvianEuros(cents)).toBe(text);
  });

  it('escapes names and scales bars to the largest value', () => {
    const svg = barChart('T', [{ label: '<b>A</b>', value: 10, text: '10' }, { label: 'B', value: 5, text: '5' }]);
    expect(svg).toContain('&lt;b&gt;A&lt;/b&gt;');
    expect(svg).toContain('width="420"');
    expect(svg).toContain('width="210" height');
  });

  it('is a Latvian page with both charts and no external resources', () => {
    const run = {
      id: 'r-1', status: 'draft', datasetId: 'd-1', sourceTable: 'IRD041', referenceDate: '2025-01-01',
      parameters: { budgetCents: 1_234_567, reserveCents: 0, baseCents: 100_000, floorCents: null, capCents: null, participants: ['LV-042'], cohort1: ['LV-042'], cohort2: [] },
      note: null, distributableCents: 1_234_567, totalYouth: 400, rounds: 1, lines: [line()],
      createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'a', publishedAt: null, publishedBy: null,
    } satisfies AllocationRun;
    const html = runHtml(run);
    expect(html).toContain('<html lang="lv">');
    expect(html).toContain('melnraksts');
    expect(html).toContain('Piešķirtā summa pa pašvaldībām');
    expect(html).toContain('Eiro uz vienu jaunieti');
    expect(html).toContain('30,86');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
