// Exports of the logbook as plain data: CSV text of a volunteer's year and of the municipality report, and the statement's content.
import { csvFile, csvText, type CsvValue } from '../csv.js';
import type { HourEntry, Programme, Volunteer } from './types.js';
import type { MunicipalityReport } from './use-cases/queries.js';

const STATE_LV: Record<HourEntry['state'], string> = { pending: 'gaida apstiprinājumu', approved: 'apstiprināts', rejected: 'noraidīts', reversed: 'atsaukts' };

export { csvField } from '../csv.js';

/** CSV with a UTF-8 byte-order mark (spreadsheets then read ā č ē … correctly) and CRLF line ends. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvValue[])[]): string => csvFile(csvText(header, rows));

/** h:mm, e.g. 90 → "1:30". */
export const hoursText = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

export function volunteerYearCsv(entries: readonly HourEntry[]): string {
  return toCsv(
    ['datums', 'iestāde', 'darbība', 'kategorija', 'sākums', 'minūtes', 'apstiprinātās_minūtes', 'statuss', 'komentārs'],
    entries.map((e) => [e.date, e.institutionName, e.activity, e.category, e.startTime ?? '', e.minutes, e.approvedMinutes, STATE_LV[e.state], e.comment]),
  );
}

export function municipalityReportCsv(report: MunicipalityReport): string {
  return toCsv(
    ['sadaļa', 'atslēga', 'nosaukums', 'apstiprinātās_minūtes', 'gaidošās_minūtes', 'apstiprinātās_stundas'],
    [
      ...report.byInstitution.map((r) => ['iestāde', r.institutionId, r.name, r.approvedMinutes, r.pendingMinutes, hoursText(r.approvedMinutes)]),
      ...report.byVolunteer.map((r) => ['brīvprātīgais', r.volunteerId, r.name, r.approvedMinutes, r.pendingMinutes, hoursText(r.approvedMinutes)]),
      ...report.byMonth.map((r) => ['mēnesis', r.month, r.month, r.approvedMinutes, r.pendingMinutes, hoursText(r.approvedMinutes)]),
      ['kopā', report.municipality, String(report.year), report.totals.approvedMinutes, report.totals.pendingMinutes, hoursText(report.totals.approvedMinutes)],
    ],
  );
}

/** What the PDF statement (izziņa) says: only approved hours count. */
export interface StatementContent {
  volunteerName: string;
  municipalityName: string;
  year: number;
  period: { from: string; to: string } | null;
  institutions: { name: string; approvedMinutes: number }[];
  activities: string[];
  approvedMinutes: number;
  thresholdMinutes: number;
  issuedOn: string;
}

export function statementContent(volunteer: Volunteer, municipalityName: string, year: number, entries: readonly HourEntry[], programme: Programme, today: string): StatementContent {
  const approved = entries.filter((e) => e.state === 'approved').sort((a, b) => a.date.localeCompare(b.date));
  const byInstitution = new Map<string, number>();
  for (const e of approved) byInstitution.set(e.institutionName, (byInstitution.get(e.institutionName) ?? 0) + e.approvedMinutes);
  return {
    volunteerName: volunteer.name,
    municipalityName,
    year,
    period: approved.length ? { from: approved[0]!.date, to: approved.at(-1)!.date } : null,
    institutions: [...byInstitution.entries()].map(([name, approvedMinutes]) => ({ name, approvedMinutes })).sort((a, b) => a.name.localeCompare(b.name, 'lv')),
    activities: [...new Set(approved.map((e) => e.activity))],
    approvedMinutes: approved.reduce((s, e) => s + e.approvedMinutes, 0),
    thresholdMinutes: programme.thresholdMinutes,
    issuedOn: today,
  };
}
