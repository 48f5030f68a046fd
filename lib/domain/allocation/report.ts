// Exports of an allocation run: CSV for spreadsheets, and a self-contained HTML report with SVG bar charts. Pure.
import { csvFile, csvText } from '../csv.js';
import { centsToEuros } from './exact.js';
import type { AllocationRun, RunLine } from './types.js';

export const CSV_HEADER = ['code', 'name', 'cohort', 'youth', 'base_eur', 'proportional_share_cents', 'adjustment', 'adjustment_cents', 'rounding_cent', 'amount_cents', 'amount_eur', 'eur_per_youth'];

/** One row per municipality, in code order; amounts both in cents and in euros with two decimals. */
export function runCsv(lines: readonly RunLine[]): string {
  return csvText(CSV_HEADER, lines.map((l) => [
    l.code, l.name, l.cohort, l.youth, centsToEuros(l.explanation.baseCents), l.explanation.proportionalShare,
    l.explanation.adjustment, l.explanation.adjustmentCents, l.explanation.roundingCent, l.amountCents,
    centsToEuros(l.amountCents), l.explanation.eurosPerYouth,
  ]));
}

/** The CSV as a downloaded file: a UTF-8 byte-order mark first, so spreadsheets read ā č ē … in names (as the hours CSVs do). */
export const runCsvFile = (lines: readonly RunLine[]): string => csvFile(runCsv(lines));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "1234567.8" → "1 234 567,80" (Latvian grouping and decimal comma). */
export function latvianEuros(cents: number): string {
  const [whole, frac] = centsToEuros(cents).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${frac}`;
}

/** A horizontal bar chart as inline SVG: one bar per municipality, labelled with its name and value. */
export function barChart(title: string, bars: { label: string; value: number; text: string }[]): string {
  const row = 18;
  const labelWidth = 210;
  const barWidth = 420;
  const height = bars.length * row + 30;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rects = bars.map((b, i) => {
    const y = 24 + i * row;
    const w = Math.max(0, Math.round((b.value / max) * barWidth));
    return `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${esc(b.label)}</text>`
      + `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="${row - 5}" fill="#2a6f97"><title>${esc(b.label)}: ${esc(b.text)}</title></rect>`
      + `<text x="${labelWidth + w + 4}" y="${y + 12}">${esc(b.text)}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${labelWidth + barWidth + 120}" height="${height}" font-family="sans-serif" font-size="11">`
    + `<text x="0" y="14" font-size="13" font-weight="bold">${esc(title)}</text>${rects}</svg>`;
}

/** The run as a printable Latvian page: parameters, a table with every explanation, and two charts. No external resources. */
export function runHtml(run: AllocationRun): string {
  const p = run.parameters;
  const money = (c: number | null) => (c === null ? '—' : `${latvianEuros(c)}\u00a0€`);
  const status = run.status === 'published' ? `publicēts ${esc(run.publishedAt ?? '')}` : 'melnraksts';
  const rows = run.lines.map((l) => `<tr><td>${esc(l.code)}</td><td>${esc(l.name)}</td><td>${l.cohort ?? ''}</td>`
    + `<td class="n">${l.youth}</td><td class="n">${money(l.explanation.baseCents)}</td><td class="n">${esc(l.explanation.unadjustedCents)}</td>`
    + `<td>${l.explanation.adjustment === 'floor' ? 'minimums' : l.explanation.adjustment === 'cap' ? 'maksimums' : ''}</td>`
    + `<td class="n">${l.explanation.roundingCent}</td><td class="n">${money(l.amountCents)}</td>`
    + `<td class="n">${l.explanation.eurosPerYouth === null ? '—' : esc(l.explanation.eurosPerYouth.replace('.', ','))}</td></tr>`).join('\n');
  const amounts = barChart('Piešķirtā summa pa pašvaldībām (EUR)', run.lines.map((l) => ({ label: l.name, value: l.amountCents, text: money(l.amountCents) })));
  const perYouth = barChart('Eiro uz vienu jaunieti (13–25 g.)', run.lines.map((l) => ({
    label: l.name,
    value: l.youth === 0 ? 0 : l.amountCents / l.youth,
    text: l.explanation.eurosPerYouth === null ? '—' : `${l.explanation.eurosPerYouth.replace('.', ',')}\u00a0€`,
  })));
  return `<!doctype html>
<html lang="lv">
<head>
<meta charset="utf-8">
<title>Atveseļošanas fonda sadalījums ${esc(run.id)}</title>
<style>
body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;font-size:12px}
td,th{border:1px solid #ccc;padding:3px 6px}th{background:#eef3f7}.n{text-align:right;white-space:nowrap}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:bold}
</style>
</head>
<body>
<h1>Atveseļošanas fonda finansējuma sadalījums pašvaldībām</h1>
<p>Aprēķins ${esc(run.id)} (${status}); jauniešu skaits uz ${esc(run.referenceDate)} (${esc(run.sourceTable)}, datu kopa ${esc(run.datasetId)}).</p>
<dl>
<dt>Budžets</dt><dd>${money(p.budgetCents)}</dd>
<dt>Rezerve</dt><dd>${money(p.reserveCents)}</dd>
<dt>Sadalāmā summa</dt><dd>${money(run.distributableCents)}</dd>
<dt>Bāze katrai pašvaldībai</dt><dd>${money(p.baseCents)}</dd>
<dt>Minimums</dt><dd>${money(p.floorCents)}</dd>
<dt>Maksimums</dt><dd>${money(p.capCents)}</dd>
<dt>Pašvaldību skaits</dt><dd>${run.lines.length}</dd>
<dt>Jaunieši kopā</dt><dd>${run.totalYouth}</dd>
</dl>
${run.note ? `<p>Piezīme: ${esc(run.note)}</p>\n` : ''}<p>Metodika: katra pašvaldība saņem bāzes summu un daļu no atlikuma proporcionāli jauniešu (13–25 g.) skaitam.
Ja summa ir zem minimuma vai virs maksimuma, tā tiek fiksēta robežā un atlikums tiek sadalīts pārējām, līdz nekas nemainās.
Aprēķins ir precīzs (veseli skaitļi un daļskaitļi); atlikušie centi tiek piešķirti pa vienam pēc lielākā atlikuma,
vienādos gadījumos — pašvaldībai ar lielāku jauniešu skaitu, tad pēc koda. Summas kopā ir tieši ${money(run.distributableCents)}.</p>
<figure>${amounts}</figure>
<figure>${perYouth}</figure>
<table>
<thead><tr><th>Kods</th><th>Pašvaldība</th><th>Kārta</th><th>Jaunieši</th><th>Bāze</th><th>Pirms korekcijas (centi)</th><th>Korekcija</th><th>Noapaļošanas cents</th><th>Summa</th><th>EUR uz jaunieti</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
