// Builds IRD041 extracts (JSON-stat 2.0 as PxWeb answers, and its CSV export) with deterministic counts, for tests and the bench.
import { CSP_AREA_CODES } from '../../lib/domain/headcounts/csp-area-codes.js';
import { MUNICIPALITIES } from '../../lib/domain/municipalities/registry.js';

export interface Area {
  code: string;
  label: string;
}

/** The country, one statistical region, every municipality of 2025 (Madona both ways), and two towns. */
export function ird041Areas(): Area[] {
  const name = (iso: string) => MUNICIPALITIES.find((m) => m.code === iso)?.name ?? iso;
  return [
    { code: 'LV', label: 'Latvija' },
    { code: 'LV00A', label: 'Rīgas statistiskais reģions' },
    ...CSP_AREA_CODES.map((e) => ({ code: e.csp, label: e.csp === 'LV0038001' ? 'Madonas novads (no 01.07.2025.)' : name(e.iso) })),
    { code: 'LV0031010', label: 'Jēkabpils' },
    { code: 'LV0040010', label: 'Ogre' },
  ];
}

/** Y0…Y84, Y_GE85: the 86 age classes of the table, then TOTAL. */
export const IRD041_AGES = [...Array.from({ length: 85 }, (_, i) => `Y${i}`), 'Y_GE85', 'TOTAL'];
export const IRD041_SEXES = ['T', 'M', 'F'] as const;

/** A cell's value: a count, or null for a confidential/missing cell (flagged in `status`). */
export type Cell = number | null;

export interface Ird041Options {
  years?: number[];
  areas?: Area[];
  ages?: string[];
  /** Replace single cells (e.g. to make one confidential or negative). */
  override?: (area: string, age: string, sex: string, year: number) => Cell | undefined;
}

/** Deterministic males/females per area, age and year; T = M + F, TOTAL = the sum of the ages. */
function count(areaIndex: number, age: string, sex: string, year: number): number {
  if (age === 'TOTAL') return IRD041_AGES.slice(0, -1).reduce((s, a) => s + count(areaIndex, a, sex, year), 0);
  if (sex === 'T') return count(areaIndex, age, 'M', year) + count(areaIndex, age, 'F', year);
  const a = age === 'Y_GE85' ? 85 : Number(age.slice(1));
  return 20 + ((areaIndex * 7919 + a * 104_729 + (sex === 'M' ? 13 : 71) + year * 31) % 480);
}

function cells(o: Ird041Options) {
  const years = o.years ?? [2025];
  const areas = o.areas ?? ird041Areas();
  const ages = o.ages ?? IRD041_AGES;
  const value = (ai: number, age: string, sex: string, year: number): Cell => {
    const over = o.override?.(areas[ai]!.code, age, sex, year);
    return over !== undefined ? over : count(ai, age, sex, year);
  };
  return { years, areas, ages, value };
}

/** The JSON-stat 2.0 dataset PxWeb returns for a query on AREA × AGE × SEX × ContentsCode × TIME. */
export function ird041JsonStat(o: Ird041Options = {}): string {
  const { years, areas, ages, value } = cells(o);
  const values: Cell[] = [];
  const status: Record<string, string> = {};
  areas.forEach((_, ai) => ages.forEach((age) => IRD041_SEXES.forEach((sex) => years.forEach((year) => {
    const v = value(ai, age, sex, year);
    if (v === null) status[String(values.length)] = '..';
    values.push(v);
  }))));
  const index = (codes: readonly string[]) => Object.fromEntries(codes.map((c, i) => [c, i]));
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label: 'Iedzīvotāji gada sākumā pēc vecuma un dzimuma',
    source: 'Centrālā statistikas pārvalde',
    updated: '2025-05-20T05:00:00Z',
    id: ['AREA', 'AGE', 'SEX', 'ContentsCode', 'TIME'],
    size: [areas.length, ages.length, 3, 1, years.length],
    dimension: {
      AREA: { label: 'Teritoriālā vienība', category: { index: index(areas.map((a) => a.code)), label: Object.fromEntries(areas.map((a) => [a.code, a.label])) } },
      AGE: { label: 'Vecums', category: { index: index(ages), label: Object.fromEntries(ages.map((a) => [a, a === 'TOTAL' ? 'Pavisam' : a === 'Y_GE85' ? '85 un vairāk' : a.slice(1)])) } },
      SEX: { label: 'Dzimums', category: { index: index(IRD041_SEXES), label: { T: 'Kopā', M: 'Vīrieši', F: 'Sievietes' } } },
      ContentsCode: { label: 'Rādītājs', category: { index: { IRD041: 0 }, label: { IRD041: 'Iedzīvotāju skaits gada sākumā' } } },
      TIME: { label: 'Laika periods', category: { index: index(years.map(String)), label: Object.fromEntries(years.map((y) => [String(y), String(y)])) } },
    },
    role: { time: ['TIME'], metric: ['ContentsCode'] },
    value: values,
    status,
    extension: { px: { tableid: 'IRD041', decimals: 0 } },
  });
}

/** The CSV export: a title line, then "AREA","AGE","SEX" and one column per year; special values as "..". */
export function ird041Csv(o: Ird041Options = {}): string {
  const { years, areas, ages, value } = cells(o);
  const out = ['"Iedzīvotāji gada sākumā pēc vecuma un dzimuma (IRD041)"', ['"AREA"', '"AGE"', '"SEX"', ...years.map((y) => `"${y}"`)].join(',')];
  areas.forEach((a, ai) => ages.forEach((age) => IRD041_SEXES.forEach((sex) => {
    const vs = years.map((y) => value(ai, age, sex, y));
    out.push([`"${a.code} ${a.label}"`, `"${age}"`, `"${sex}"`, ...vs.map((v) => (v === null ? '".."' : String(v)))].join(','));
  })));
  return `${out.join('\r\n')}\r\n`;
}

/** The youth (Y13–Y25, SEX=T) the generator puts in an area, for expectations. */
export function expectedYouth(areaCode: string, year = 2025, areas = ird041Areas()): number {
  const ai = areas.findIndex((a) => a.code === areaCode);
  let sum = 0;
  for (let age = 13; age <= 25; age++) sum += count(ai, `Y${age}`, 'T', year);
  return sum;
}
