import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../lib/domain/errors.js';
import { classifyArea, CSP_AREA_CODES } from '../../../../lib/domain/headcounts/csp-area-codes.js';
import { parseHeadcounts, type ParseRequest } from '../../../../lib/domain/headcounts/parse.js';
import { MUNICIPALITIES } from '../../../../lib/domain/municipalities/registry.js';
import { expectedYouth, ird041Areas, ird041Csv, ird041JsonStat } from '../../../support/ird041.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../fixtures/headcounts', name), 'utf8');

/** The refusals of a parse, or [] when it succeeded. */
function refusals(request: ParseRequest): { field: string; rule: string; message: string }[] {
  try {
    parseHeadcounts(request, MUNICIPALITIES);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
}

const simple = (rows: string[]) => ({ format: 'csv-simple' as const, referenceYear: 2025, content: ['code,name,youth', ...rows].join('\n') });
const allSimpleRows = () => fixture('youth-2025.csv').trim().split('\n').slice(1);

describe('IRD041 as JSON-stat 2.0', () => {
  it('sums Y13–Y25, SEX=T per municipality and maps CSP AREA codes to the registry', () => {
    const r = parseHeadcounts({ format: 'json-stat2', content: fixture('ird041-2025.json') }, MUNICIPALITIES);
    expect(r.referenceYear).toBe(2025);
    expect(r.referenceDate).toBe('2025-01-01');
    expect(r.lines).toHaveLength(43);
    expect(r.lines.find((l) => l.code === 'LV-042')).toEqual({ code: 'LV-042', name: 'Jēkabpils novads', youth: expectedYouth('LV0031000'), sourceCode: 'LV0031000' });
    expect(r.lines.find((l) => l.code === 'LV-RIX')!.sourceCode).toBe('LV0001000');
    // in 2025 the pre-merger Madona counts; the merged code, the country, regions and towns are skipped
    expect(r.lines.find((l) => l.code === 'LV-059')!.sourceCode).toBe('LV0038000');
    expect(r.totalYouth).toBe(r.lines.reduce((s, l) => s + l.youth, 0));
  });

  it('takes the merged Madona code from mid-2025 on and no longer requires Varakļāni', () => {
    const r = parseHeadcounts({ format: 'json-stat2', content: ird041JsonStat({ years: [2026] }) }, MUNICIPALITIES);
    expect(r.lines.find((l) => l.code === 'LV-059')!.sourceCode).toBe('LV0038001');
    expect(r.lines.map((l) => l.code)).not.toContain('LV-102');
    expect(r.lines).toHaveLength(42);
  });

  it('picks the requested year out of several', () => {
    const r = parseHeadcounts({ format: 'json-stat2', referenceYear: 2024, content: ird041JsonStat({ years: [2024, 2025] }) }, MUNICIPALITIES);
    expect(r.lines.find((l) => l.code === 'LV-042')!.youth).toBe(expectedYouth('LV0031000', 2024));
  });

  it.each([
    { name: 'a confidential cell', cell: null, rule: 'headcounts.confidential-or-missing' },
    { name: 'a negative count', cell: -3, rule: 'headcounts.negative-count' },
    { name: 'a fractional count', cell: 12.5, rule: 'headcounts.non-integer-count' },
  ])('refuses $name in a youth cell, naming the cell', ({ cell, rule }) => {
    const content = ird041JsonStat({ override: (area, age, sex) => (area === 'LV0031000' && age === 'Y17' && sex === 'T' ? cell : undefined) });
    const issues = refusals({ format: 'json-stat2', content });
    expect(issues).toEqual([expect.objectContaining({ rule, field: expect.stringMatching(/^content\.value\[\d+\]$/), message: expect.stringContaining('LV0031000 Y17 SEX=T 2025') })]);
  });

  it('ignores special values outside the youth cells', () => {
    const content = ird041JsonStat({ override: (_area, age) => (age === 'Y_GE85' ? null : undefined) });
    expect(refusals({ format: 'json-stat2', content })).toEqual([]);
  });

  it('refuses an unknown AREA code', () => {
    const areas = [...ird041Areas(), { code: 'LV0099000', label: 'Nav tāda' }];
    expect(refusals({ format: 'json-stat2', content: ird041JsonStat({ areas }) })).toEqual([
      expect.objectContaining({ field: 'content.dimension.AREA.LV0099000', rule: 'headcounts.unknown-code' }),
    ]);
  });

  it('refuses two codes for the same municipality', () => {
    const areas = [...ird041Areas(), { code: 'LV-042', label: 'Jēkabpils novads' }];
    expect(refusals({ format: 'json-stat2', content: ird041JsonStat({ areas }) })).toEqual([
      expect.objectContaining({ field: 'content.dimension.AREA.LV-042', rule: 'headcounts.duplicate-code' }),
    ]);
  });

  it('refuses a file that misses a municipality, and one that misses a cohort member', () => {
    const areas = ird041Areas().filter((a) => a.code !== 'LV0041000');
    expect(refusals({ format: 'json-stat2', content: ird041JsonStat({ areas }) })).toEqual([
      expect.objectContaining({ field: 'content', rule: 'headcounts.missing-municipality', message: expect.stringContaining('LV-068 Olaines novads') }),
    ]);
    expect(refusals({ format: 'json-stat2', content: ird041JsonStat({ areas }), required: ['LV-042', 'LV-067'] })).toEqual([]);
    expect(refusals({ format: 'json-stat2', content: ird041JsonStat({ areas }), required: ['LV-042', 'LV-068'] })).toHaveLength(1);
  });

  it.each([
    { name: 'text that is not JSON', content: '{"version":', rule: 'headcounts.json' },
    { name: 'JSON that is not JSON-stat', content: '{"a":1}', rule: 'headcounts.json-stat' },
    { name: 'a missing year', content: ird041JsonStat({ years: [2023] }), year: 2025, rule: 'headcounts.missing-year' },
    { name: 'no youth ages', content: ird041JsonStat({ ages: ['Y0', 'TOTAL'] }), rule: 'headcounts.missing-category' },
  ])('refuses $name', ({ content, rule, year }) => {
    expect(refusals({ format: 'json-stat2', content, referenceYear: year }).map((i) => i.rule)).toContain(rule);
  });
});

describe('IRD041 as CSV export', () => {
  it('reads the fixture and agrees with the JSON-stat figures', () => {
    const csv = parseHeadcounts({ format: 'csv-ird041', content: fixture('ird041-2024-2025.csv'), referenceYear: 2025 }, MUNICIPALITIES);
    const json = parseHeadcounts({ format: 'json-stat2', content: fixture('ird041-2025.json') }, MUNICIPALITIES);
    expect(csv.lines).toEqual(json.lines);
  });

  it('defaults to the latest year column', () => {
    expect(parseHeadcounts({ format: 'csv-ird041', content: fixture('ird041-2024-2025.csv') }, MUNICIPALITIES).referenceYear).toBe(2025);
  });

  it('reads the long layout with a TIME column and semicolons', () => {
    const rows = ['"AREA";"AGE";"SEX";"TIME";"VALUE"'];
    for (const m of MUNICIPALITIES) for (let a = 13; a <= 25; a++) rows.push(`"${m.code}";"${a}";"Total";"2025";10`);
    const r = parseHeadcounts({ format: 'csv-ird041', content: rows.join('\n') }, MUNICIPALITIES);
    expect(r.lines.every((l) => l.youth === 130)).toBe(true);
  });

  it('reads the English export with texts and a "Population 2025" value column', () => {
    const rows = ['"Territorial unit","Age","Sex","Population at the beginning of year 2024","Population at the beginning of year 2025"'];
    for (const m of MUNICIPALITIES) for (let a = 13; a <= 25; a++) for (const sex of ['Total', 'Men', 'Women']) rows.push(`"${m.code} ${m.nameEn}","${a} years","${sex}",1,${sex === 'Total' ? 2 : 1}`);
    const r = parseHeadcounts({ format: 'csv-ird041', content: rows.join('\r\n') }, MUNICIPALITIES);
    expect(r.referenceYear).toBe(2025);
    expect(r.lines.every((l) => l.youth === 26)).toBe(true);
  });

  it('reads a tab-separated export with Latvian labels under a title line that itself has commas', () => {
    const rows = ['"Iedzīvotāji teritoriālajās vienībās, gada sākumā"', 'Teritoriālā vienība\tVecums\tDzimums\t2025'];
    for (const m of MUNICIPALITIES) for (let a = 12; a <= 26; a++) rows.push(`${m.code} ${m.name}\t${a} gadi\tKopā\t${a}`);
    const r = parseHeadcounts({ format: 'csv-ird041', content: rows.join('\n') }, MUNICIPALITIES);
    expect(r.lines.find((l) => l.code === 'LV-042')!.youth).toBe(247); // 13 + 14 + … + 25
  });

  it.each([
    { name: 'a confidential cell', cell: null, rule: 'headcounts.confidential-or-missing' },
    { name: 'a negative count', cell: -1, rule: 'headcounts.negative-count' },
    { name: 'a fractional count', cell: 2.5, rule: 'headcounts.non-integer-count' },
  ])('refuses $name with its row number', ({ cell, rule }) => {
    const content = ird041Csv({ override: (area, age, sex) => (area === 'LV0001000' && age === 'Y20' && sex === 'T' ? cell : undefined) });
    const line = content.split('\r\n').findIndex((l) => l.startsWith('"LV0001000') && l.includes('"Y20","T"')) + 1;
    expect(refusals({ format: 'csv-ird041', content })).toEqual([
      expect.objectContaining({ field: `content.row.${line}`, rule, message: expect.stringContaining(`row ${line}`) }),
    ]);
  });

  it('refuses an unknown code and a repeated row by row number', () => {
    const lines = ird041Csv().trimEnd().split('\r\n');
    const repeated = lines.find((l) => l.startsWith('"LV0031000') && l.includes('"Y14","T"'))!;
    const content = [...lines, '"LV0099000 Nekurienes novads","Y13","T",5', repeated].join('\n');
    expect(refusals({ format: 'csv-ird041', content })).toEqual([
      expect.objectContaining({ field: `content.row.${lines.length + 1}`, rule: 'headcounts.unknown-code' }),
      expect.objectContaining({ field: `content.row.${lines.length + 2}`, rule: 'headcounts.duplicate-code' }),
    ]);
  });

  it('refuses a municipality whose youth rows are incomplete', () => {
    const content = ird041Csv().split('\r\n').filter((l) => !(l.startsWith('"LV0020000') && l.includes('"Y25","T"'))).join('\r\n');
    expect(refusals({ format: 'csv-ird041', content })).toEqual([
      expect.objectContaining({ rule: 'headcounts.missing-cell', message: expect.stringContaining('Y25') }),
    ]);
  });

  it('refuses a file without the expected header', () => {
    expect(refusals({ format: 'csv-ird041', content: 'a,b,c\n1,2,3' }).map((i) => i.rule)).toEqual(['headcounts.csv-header']);
  });
});

describe('plain CSV code,name,youth', () => {
  it('reads ISO or CSP codes and uses the registry names', () => {
    const rows = allSimpleRows().map((r) => (r.startsWith('LV-042,') ? r.replace('LV-042', 'LV0031000') : r));
    const r = parseHeadcounts(simple(rows), MUNICIPALITIES);
    expect(r.lines).toHaveLength(43);
    expect(r.lines.find((l) => l.code === 'LV-042')).toMatchObject({ sourceCode: 'LV0031000', name: 'Jēkabpils novads' });
  });

  it.each([
    { name: 'an unknown code', row: 'LV-999,Nekurienes novads,10', rule: 'headcounts.unknown-code' },
    { name: 'a duplicate code', row: 'LV-042,Jēkabpils novads,10', rule: 'headcounts.duplicate-code' },
    { name: 'a negative count', row: 'LV-042,Jēkabpils novads,-10', rule: 'headcounts.negative-count', replace: true },
    { name: 'a fractional count', row: 'LV-042,Jēkabpils novads,10.5', rule: 'headcounts.non-integer-count', replace: true },
    { name: 'a confidential value', row: 'LV-042,Jēkabpils novads,..', rule: 'headcounts.confidential-or-missing', replace: true },
    { name: 'an empty value', row: 'LV-042,Jēkabpils novads,', rule: 'headcounts.missing-cell', replace: true },
    { name: 'text', row: 'LV-042,Jēkabpils novads,daudz', rule: 'headcounts.not-a-number', replace: true },
  ])('refuses $name on its row, storing nothing', ({ row, rule, replace }) => {
    const rows = replace ? allSimpleRows().filter((r) => !r.startsWith('LV-042,')) : allSimpleRows();
    const issues = refusals(simple([...rows, row]));
    const line = rows.length + 2;
    expect(issues).toContainEqual(expect.objectContaining({ field: `content.row.${line}`, rule }));
  });

  it('refuses a file missing a municipality valid on the reference date', () => {
    const issues = refusals(simple(allSimpleRows().filter((r) => !r.startsWith('LV-RIX,'))));
    expect(issues).toEqual([expect.objectContaining({ rule: 'headcounts.missing-municipality', message: expect.stringContaining('LV-RIX') })]);
  });

  it('needs the reference year', () => {
    expect(refusals({ format: 'csv-simple', content: 'code,name,youth\nLV-042,x,1' }).map((i) => i.rule)).toEqual(['headcounts.required']);
  });
});

describe('CSP AREA codes', () => {
  const iso = new Set(MUNICIPALITIES.map((m) => m.code));

  it('maps one code to every municipality of the registry on 1 January 2025, and 42 in 2026', () => {
    const mapped = (date: string) => new Set(CSP_AREA_CODES.map((e) => classifyArea(e.csp, date, iso)).flatMap((k) => (k.kind === 'municipality' ? [k.iso] : [])));
    expect([...mapped('2025-01-01')].sort()).toEqual([...iso].sort());
    expect(mapped('2026-01-01').size).toBe(42);
  });

  it.each([
    ['LV0001000', { kind: 'municipality', iso: 'LV-RIX' }],
    ['LV-042', { kind: 'municipality', iso: 'LV-042' }],
    ['LV', { kind: 'other' }],
    ['LV00A', { kind: 'other' }],
    ['LV0031010', { kind: 'other' }],
    ['LV0099000', { kind: 'unknown' }],
    ['Rīga', { kind: 'unknown' }],
  ])('classifies %s', (code, want) => expect(classifyArea(code, '2025-01-01', iso)).toEqual(want));
});
