// Reads youth head-counts from IRD041 (JSON-stat 2.0 or its CSV export) or a plain `code,name,youth` CSV. Pure.
import { ValidationError, type FieldIssue } from '../errors.js';
import { isValidOn, type Municipality } from '../municipalities/types.js';
import { classifyArea } from './csp-area-codes.js';
import { YOUTH_MAX_AGE, YOUTH_MIN_AGE, type HeadcountFormat, type HeadcountLine } from './types.js';

export interface ParseRequest {
  format: HeadcountFormat;
  content: string;
  /** The year whose 1 January counts are wanted; IRD041 files may omit it when they hold one year only. */
  referenceYear?: number;
  /** Municipalities that must be present (a cohort); default: every municipality valid on the reference date. */
  required?: readonly string[];
}

export interface ParsedHeadcounts {
  referenceYear: number;
  referenceDate: string;
  lines: HeadcountLine[];
  totalYouth: number;
}

const YOUTH_AGES = Array.from({ length: YOUTH_MAX_AGE - YOUTH_MIN_AGE + 1 }, (_, i) => `Y${YOUTH_MIN_AGE + i}`);

/** Values PxWeb and CSP use for confidential (…, x, c) or missing (.., :, -) cells: never a zero. */
const SPECIAL = /^(?:\.{1,3}|…|:|-|–|x|c|n\/a)$/i;

const say = (lv: string, en: string) => `${lv} / ${en}`;

/** Accumulates refusals; `fail()` throws them all at once so a file is refused with every reason. */
class Issues {
  readonly list: FieldIssue[] = [];
  add(field: string, rule: string, lv: string, en: string) {
    if (this.list.length < 200) this.list.push({ field, rule: `headcounts.${rule}`, message: say(lv, en) });
  }
  fail(): never {
    throw new ValidationError(this.list, `the head-count file was refused (${this.list.length} problem${this.list.length === 1 ? '' : 's'})`);
  }
}

/** A count cell as text or JSON value → the integer, or the reason it is not one. */
function readCount(raw: unknown, flagged: boolean): { value: number } | { rule: string; lv: string; en: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && SPECIAL.test(raw.trim())) || (typeof raw === 'string' && raw.trim() === '')) {
    return flagged || (typeof raw === 'string' && raw.trim() !== '')
      ? { rule: 'confidential-or-missing', lv: 'konfidenciāla vai trūkstoša vērtība', en: 'confidential or missing value' }
      : { rule: 'missing-cell', lv: 'trūkst vērtības', en: 'value missing' };
  }
  const n = typeof raw === 'number' ? raw : /^-?[0-9]+(?:[.,][0-9]+)?$/.test(raw.toString().trim()) ? Number(raw.toString().trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(n)) return { rule: 'not-a-number', lv: `vērtība "${String(raw)}" nav skaitlis`, en: `value "${String(raw)}" is not a number` };
  if (n < 0) return { rule: 'negative-count', lv: `negatīvs skaits ${n}`, en: `negative count ${n}` };
  if (!Number.isSafeInteger(n)) return { rule: 'non-integer-count', lv: `skaits ${n} nav vesels skaitlis`, en: `count ${n} is not a whole number` };
  return { value: n };
}

interface Context {
  referenceDate: string;
  registry: readonly Municipality[];
  isoCodes: ReadonlySet<string>;
}

const context = (registry: readonly Municipality[], year: number): Context => ({
  referenceDate: `${year}-01-01`,
  registry,
  isoCodes: new Set(registry.map((m) => m.code)),
});

/** Parses, checks every rule and returns the youth per municipality; throws one ValidationError listing all refusals. */
export function parseHeadcounts(request: ParseRequest, registry: readonly Municipality[]): ParsedHeadcounts {
  const issues = new Issues();
  const result = request.format === 'json-stat2'
    ? fromJsonStat(request, registry, issues)
    : request.format === 'csv-ird041' ? fromIrdCsv(request, registry, issues) : fromSimpleCsv(request, registry, issues);
  if (!result || issues.list.length > 0) return issues.fail();
  const ctx = context(registry, result.year);
  const present = new Set(result.lines.map((l) => l.code));
  const required = request.required ?? ctx.registry.filter((m) => isValidOn(m, ctx.referenceDate)).map((m) => m.code);
  for (const code of required) {
    if (!ctx.isoCodes.has(code)) issues.add('required', 'unknown-code', `prasīta nezināma pašvaldība ${code}`, `required municipality ${code} is unknown`);
    else if (!present.has(code)) {
      const name = ctx.registry.find((m) => m.code === code)!.name;
      issues.add('content', 'missing-municipality', `failā nav ${code} ${name}`, `the file has no counts for ${code} ${name}`);
    }
  }
  if (issues.list.length > 0) issues.fail();
  const lines = [...result.lines].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { referenceYear: result.year, referenceDate: ctx.referenceDate, lines, totalYouth: lines.reduce((s, l) => s + l.youth, 0) };
}

type Partial = { year: number; lines: HeadcountLine[] } | undefined;

/** The latest whole year among the values (NaN when there is none); a loop, as files may hold a million rows. */
function latest(values: readonly number[]): number {
  let best = Number.NaN;
  for (const v of values) if (Number.isInteger(v) && !(v <= best)) best = v;
  return best;
}

/** Registry name for an ISO code (files' own labels vary by language and date). */
const nameOf = (ctx: Context, iso: string) => ctx.registry.find((m) => m.code === iso)?.name ?? iso;

// ---------- JSON-stat 2.0 (PxWeb "json-stat2" response) ----------

interface Dimension {
  codes: string[];
  labels: Record<string, string>;
}

function dimension(raw: unknown): Dimension | undefined {
  const category = (raw as { category?: { index?: unknown; label?: unknown } } | undefined)?.category;
  if (!category) return undefined;
  let codes: string[];
  if (Array.isArray(category.index)) codes = category.index.map(String);
  else if (category.index && typeof category.index === 'object') {
    codes = [];
    for (const [code, pos] of Object.entries(category.index as Record<string, number>)) codes[pos] = code;
  } else if (category.label && typeof category.label === 'object') codes = Object.keys(category.label);
  else return undefined;
  return { codes, labels: (category.label as Record<string, string>) ?? {} };
}

function fromJsonStat(request: ParseRequest, registry: readonly Municipality[], issues: Issues): Partial {
  let ds: Record<string, unknown>;
  try {
    ds = JSON.parse(request.content) as Record<string, unknown>;
  } catch {
    issues.add('content', 'json', 'saturs nav derīgs JSON', 'the content is not valid JSON');
    return undefined;
  }
  if (!ds || typeof ds !== 'object' || ds.class !== 'dataset' || ds.version !== '2.0') {
    issues.add('content', 'json-stat', 'saturs nav JSON-stat 2.0 datu kopa', 'the content is not a JSON-stat 2.0 dataset');
    return undefined;
  }
  const ids = ds.id as string[] | undefined;
  const sizes = ds.size as number[] | undefined;
  const dims = (ds.dimension ?? {}) as Record<string, unknown>;
  if (!Array.isArray(ids) || !Array.isArray(sizes) || ids.length !== sizes.length) {
    issues.add('content.id', 'json-stat', '"id" un "size" nesakrīt', '"id" and "size" do not match');
    return undefined;
  }
  const parsed = new Map<string, Dimension>();
  ids.forEach((id, i) => {
    const d = dimension(dims[id]);
    if (!d || d.codes.length !== sizes[i]) issues.add(`content.dimension.${id}`, 'json-stat', `dimensija ${id} nav derīga`, `dimension ${id} is not valid`);
    else parsed.set(id, d);
  });
  for (const id of ['AREA', 'AGE', 'SEX', 'TIME']) {
    if (!ids.includes(id)) issues.add(`content.dimension.${id}`, 'missing-dimension', `trūkst dimensijas ${id}`, `dimension ${id} is missing`);
  }
  ids.forEach((id, i) => {
    if (!['AREA', 'AGE', 'SEX', 'TIME'].includes(id) && sizes[i] !== 1) {
      issues.add(`content.dimension.${id}`, 'unexpected-dimension', `dimensijai ${id} jābūt vienai vērtībai`, `dimension ${id} must hold a single value`);
    }
  });
  if (issues.list.length > 0) return undefined;

  const time = parsed.get('TIME')!;
  const year = request.referenceYear ?? latest(time.codes.map(Number));
  const t = time.codes.indexOf(String(year));
  if (t < 0) {
    issues.add('content.dimension.TIME', 'missing-year', `failā nav ${year}. gada`, `the file has no year ${year}`);
    return undefined;
  }
  const age = parsed.get('AGE')!;
  const sex = parsed.get('SEX')!;
  const s = sex.codes.indexOf('T');
  if (s < 0) issues.add('content.dimension.SEX', 'missing-category', 'trūkst SEX=T (kopā)', 'SEX=T (total) is missing');
  const agePositions = YOUTH_AGES.map((a) => age.codes.indexOf(a));
  YOUTH_AGES.forEach((a, i) => {
    if (agePositions[i]! < 0) issues.add('content.dimension.AGE', 'missing-category', `trūkst vecuma ${a}`, `age ${a} is missing`);
  });
  if (issues.list.length > 0) return undefined;

  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((p, n) => p * n, 1));
  const at = (pos: Record<string, number>) => ids.reduce((sum, id, i) => sum + (pos[id] ?? 0) * strides[i]!, 0);
  const values = ds.value as unknown[] | Record<string, unknown> | undefined;
  const status = ds.status as unknown[] | Record<string, unknown> | string | undefined;
  const valueAt = (i: number) => (Array.isArray(values) ? values[i] : values?.[String(i)]);
  const flaggedAt = (i: number) => (typeof status === 'string' ? true : Array.isArray(status) ? status[i] != null : status?.[String(i)] != null);

  const ctx = context(registry, year);
  const area = parsed.get('AREA')!;
  const lines: HeadcountLine[] = [];
  const seen = new Map<string, string>();
  area.codes.forEach((code, a) => {
    const kind = classifyArea(code, ctx.referenceDate, ctx.isoCodes);
    if (kind.kind === 'unknown') {
      issues.add(`content.dimension.AREA.${code}`, 'unknown-code', `nezināms teritorijas kods ${code}`, `unknown area code ${code}`);
      return;
    }
    if (kind.kind === 'other') return;
    if (seen.has(kind.iso)) {
      issues.add(`content.dimension.AREA.${code}`, 'duplicate-code', `${kind.iso} atkārtojas (${seen.get(kind.iso)} un ${code})`, `${kind.iso} appears twice (${seen.get(kind.iso)} and ${code})`);
      return;
    }
    seen.set(kind.iso, code);
    let youth = 0;
    let ok = true;
    agePositions.forEach((g, k) => {
      const i = at({ AREA: a, AGE: g, SEX: s, TIME: t });
      const read = readCount(valueAt(i), flaggedAt(i));
      if ('value' in read) youth += read.value;
      else {
        ok = false;
        issues.add(`content.value[${i}]`, read.rule, `${code} ${YOUTH_AGES[k]} SEX=T ${year}: ${read.lv}`, `${code} ${YOUTH_AGES[k]} SEX=T ${year}: ${read.en}`);
      }
    });
    if (ok) lines.push({ code: kind.iso, name: nameOf(ctx, kind.iso), youth, sourceCode: code });
  });
  return { year, lines };
}

// ---------- CSV ----------

/** RFC 4180 records with the 1-based line each starts on; the delimiter is `,`, `;` or tab. */
export function csvRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
      cells = []; cell = ''; line++; start = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
  return out;
}

const detectDelimiter = (text: string) => {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
};

const HEADER = {
  AREA: /^(?:area|territorial unit|teritori(?:ālā|ala) vienība|teritorija)$/i,
  AGE: /^(?:age|vecums(?: \(pilni gadi\))?)$/i,
  SEX: /^(?:sex|dzimums)$/i,
  TIME: /^(?:time|year|gads|time period|laika periods)$/i,
};

/** "LV0031000 Jēkabpils novads" → { code, label } (PxWeb CSV may carry code and text in one cell). */
function areaCell(cell: string): { code: string; label: string } {
  const m = /^\s*(LV[0-9A-Z-]*)\s*(.*)$/.exec(cell);
  return m ? { code: m[1]!, label: m[2]!.trim() } : { code: cell.trim(), label: '' };
}

function ageCell(cell: string): string {
  const c = cell.trim();
  if (/^(?:total|pavisam|kopā)$/i.test(c)) return 'TOTAL';
  const m = /^Y?([0-9]{1,3})(?:\s.*)?$/i.exec(c);
  return m ? `Y${Number(m[1])}` : c.toUpperCase();
}

function sexCell(cell: string): string {
  const c = cell.trim().toLowerCase();
  if (['t', 'total', 'kopā', 'pavisam'].includes(c)) return 'T';
  if (['m', 'males', 'male', 'men', 'vīrieši'].includes(c)) return 'M';
  if (['f', 'females', 'female', 'women', 'sievietes'].includes(c)) return 'F';
  return cell.trim();
}

/**
 * The IRD041 CSV export: a header row naming AREA, AGE, SEX and either a TIME column with one value
 * column ("long") or one column per year ("wide", headers holding the year, e.g. "Population 2025"),
 * with codes or PxWeb's "code label" texts in the cells ("LV0031000 Jēkabpils novads", "13 years"). Title lines before
 * the header are skipped. Only the youth cells (Y13–Y25, SEX=T, the reference year) are read.
 */
function fromIrdCsv(request: ParseRequest, registry: readonly Municipality[], issues: Issues): Partial {
  // the delimiter is the one under which some row reads as a header naming AREA (title lines may precede it)
  const parses = [',', ';', '\t'].map((d) => {
    const records = csvRecords(request.content, d);
    return { records, headerAt: records.findIndex((r) => r.cells.some((c) => HEADER.AREA.test(c.trim()))) };
  });
  const { records, headerAt } = parses.find((p) => p.headerAt >= 0) ?? parses[0]!;
  if (headerAt < 0) {
    issues.add('content.row.1', 'csv-header', 'nav atrasta galvene ar AREA, AGE, SEX', 'no header row naming AREA, AGE and SEX');
    return undefined;
  }
  const header = records[headerAt]!.cells.map((c) => c.trim());
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const [ca, cg, cs, ct] = [col(HEADER.AREA), col(HEADER.AGE), col(HEADER.SEX), col(HEADER.TIME)];
  for (const [name, c] of [['AGE', cg], ['SEX', cs]] as const) {
    if (c < 0) issues.add(`content.row.${records[headerAt]!.line}`, 'csv-header', `galvenē trūkst ${name}`, `the header lacks ${name}`);
  }
  // "2025", "2025 Population at the beginning of year" or "Iedzīvotāju skaits gada sākumā 2025"
  const yearColumns = header.map((h, i) => ({ i, year: /\b((?:19|20)[0-9]{2})\b/.exec(h)?.[1] })).filter((x) => x.year && ![ca, cg, cs, ct].includes(x.i));
  let year = request.referenceYear;
  let valueCol = -1;
  const rows = records.slice(headerAt + 1);
  if (ct >= 0) {
    valueCol = header.findIndex((_, i) => ![ca, cg, cs, ct].includes(i));
    year ??= latest(rows.map((r) => Number(r.cells[ct]?.trim())));
  } else {
    year ??= latest(yearColumns.map((y) => Number(y.year)));
    valueCol = yearColumns.find((y) => Number(y.year) === year)?.i ?? -1;
  }
  if (!Number.isInteger(year) || valueCol < 0) {
    issues.add(`content.row.${records[headerAt]!.line}`, 'missing-year', `failā nav ${year ?? ''}. gada vērtību`, `the file has no values for year ${year ?? '(none)'}`);
  }
  if (issues.list.length > 0) return undefined;

  const ctx = context(registry, year!);
  const cells = new Map<string, { line: number; youth: number; code: string; ok: boolean; ages: Set<string> }>();
  const seenCell = new Map<string, number>();
  for (const r of rows) {
    const { code } = areaCell(r.cells[ca] ?? '');
    if (ct >= 0 && Number(r.cells[ct]?.trim()) !== year) continue;
    const kind = classifyArea(code, ctx.referenceDate, ctx.isoCodes);
    if (kind.kind === 'unknown') {
      issues.add(`content.row.${r.line}`, 'unknown-code', `rindā ${r.line} nezināms teritorijas kods "${code}"`, `row ${r.line}: unknown area code "${code}"`);
      continue;
    }
    if (kind.kind === 'other') continue;
    const age = ageCell(r.cells[cg] ?? '');
    const sex = sexCell(r.cells[cs] ?? '');
    const key = `${code}|${age}|${sex}`;
    if (seenCell.has(key)) {
      issues.add(`content.row.${r.line}`, 'duplicate-code', `rindā ${r.line} ${code} ${age} ${sex} atkārtojas (skat. rindu ${seenCell.get(key)})`, `row ${r.line}: ${code} ${age} ${sex} repeats row ${seenCell.get(key)}`);
      continue;
    }
    seenCell.set(key, r.line);
    let entry = cells.get(kind.iso);
    if (entry && entry.code !== code) {
      issues.add(`content.row.${r.line}`, 'duplicate-code', `rindā ${r.line} ${kind.iso} atkārtojas (${entry.code} un ${code})`, `row ${r.line}: ${kind.iso} appears twice (${entry.code} and ${code})`);
      continue;
    }
    if (!entry) {
      entry = { line: r.line, youth: 0, code, ok: true, ages: new Set() };
      cells.set(kind.iso, entry);
    }
    if (sex !== 'T' || !YOUTH_AGES.includes(age)) continue;
    const read = readCount(r.cells[valueCol], false);
    entry.ages.add(age);
    if ('value' in read) entry.youth += read.value;
    else {
      entry.ok = false;
      issues.add(`content.row.${r.line}`, read.rule, `rindā ${r.line} (${code} ${age}): ${read.lv}`, `row ${r.line} (${code} ${age}): ${read.en}`);
    }
  }
  const lines: HeadcountLine[] = [];
  for (const [iso, e] of cells) {
    const missing = YOUTH_AGES.filter((a) => !e.ages.has(a));
    if (missing.length > 0) {
      issues.add(`content.row.${e.line}`, 'missing-cell', `${e.code}: trūkst rindu vecumam ${missing.join(', ')} (SEX=T)`, `${e.code}: no rows for age ${missing.join(', ')} (SEX=T)`);
    } else if (e.ok) lines.push({ code: iso, name: nameOf(ctx, iso), youth: e.youth, sourceCode: e.code });
  }
  return { year: year!, lines };
}

/** `code,name,youth` with a header row; codes are ISO (LV-042) or CSP AREA codes. */
function fromSimpleCsv(request: ParseRequest, registry: readonly Municipality[], issues: Issues): Partial {
  if (request.referenceYear === undefined) {
    issues.add('referenceYear', 'required', 'vienkāršam CSV jānorāda atsauces gads', 'a plain CSV needs the reference year');
    return undefined;
  }
  const year = request.referenceYear;
  const records = csvRecords(request.content, detectDelimiter(request.content));
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (header.join(',') !== 'code,name,youth') {
    issues.add(`content.row.${records[0]?.line ?? 1}`, 'csv-header', 'galvenei jābūt "code,name,youth"', 'the header must be "code,name,youth"');
    return undefined;
  }
  const ctx = context(registry, year);
  const lines: HeadcountLine[] = [];
  const seen = new Map<string, number>();
  for (const r of records.slice(1)) {
    const code = (r.cells[0] ?? '').trim();
    const kind = classifyArea(code, ctx.referenceDate, ctx.isoCodes);
    if (kind.kind !== 'municipality') {
      issues.add(`content.row.${r.line}`, 'unknown-code', `rindā ${r.line} nezināms pašvaldības kods "${code}"`, `row ${r.line}: unknown municipality code "${code}"`);
      continue;
    }
    if (seen.has(kind.iso)) {
      issues.add(`content.row.${r.line}`, 'duplicate-code', `rindā ${r.line} ${kind.iso} atkārtojas (skat. rindu ${seen.get(kind.iso)})`, `row ${r.line}: ${kind.iso} repeats row ${seen.get(kind.iso)}`);
      continue;
    }
    seen.set(kind.iso, r.line);
    const read = readCount(r.cells[2], false);
    if ('value' in read) lines.push({ code: kind.iso, name: nameOf(ctx, kind.iso), youth: read.value, sourceCode: code });
    else issues.add(`content.row.${r.line}`, read.rule, `rindā ${r.line} (${code}): ${read.lv}`, `row ${r.line} (${code}): ${read.en}`);
  }
  return { year, lines };
}
