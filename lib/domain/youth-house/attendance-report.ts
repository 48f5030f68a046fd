// The coordinator's attendance report: per opportunity and per host institution — sign-ups, attendance, no-shows,
// minutes credited to the logbook; as JSON and CSV (lib/domain/csv.ts).
import * as z from 'zod';
import { csvFile, csvText } from '../csv.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { assertActsFor, type User } from '../identity/types.js';
import type { AttendanceDeps } from './attendance.js';
import { shiftCalledOff, type Opportunity, type SignUp } from './types.js';

const counts = {
  /** Sign-ups that held a place: registered, attended or no-show. */
  signUps: z.number().int(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
  attended: z.number().int(),
  noShows: z.number().int(),
  /** Registered sign-ups whose attendance is not taken yet. */
  unmarked: z.number().int(),
  /** Minutes the attended sign-ups brought into the logbook (pending or approved there). */
  creditedMinutes: z.number().int(),
};
export const attendanceReportSchema = z.object({
  municipality: z.string(),
  opportunities: z.array(z.object({
    opportunityId: z.string(), title: z.string(), kind: z.string(), status: z.string(), institutionId: z.string().nullable(),
    institutionName: z.string().nullable(), firstShift: z.string(), shifts: z.number().int(), places: z.number().int(), ...counts,
  })),
  institutions: z.array(z.object({ institutionId: z.string().nullable(), institutionName: z.string().nullable(), opportunities: z.number().int(), ...counts })),
  totals: z.object({ opportunities: z.number().int(), ...counts }),
});
export type AttendanceReport = z.infer<typeof attendanceReportSchema>;
type Counts = { [K in keyof typeof counts]: number };

const zero = (): Counts => ({ signUps: 0, waitlisted: 0, cancelled: 0, attended: 0, noShows: 0, unmarked: 0, creditedMinutes: 0 });
const COUNT_KEYS = Object.keys(counts) as (keyof Counts)[];
function add(into: Counts, c: Counts): void {
  for (const k of COUNT_KEYS) into[k] += c[k];
}

/** One opportunity's counts from its sign-ups (pure); a sign-up of a shift called off counts as cancelled. */
export function countsOf(o: Pick<Opportunity, 'creditedMinutesPerShift' | 'cancelledShifts'>, signUps: readonly SignUp[]): Counts {
  const c = zero();
  for (const s of signUps) {
    if (s.state === 'cancelled' || shiftCalledOff(o, s.shift)) c.cancelled++;
    else if (s.state === 'waitlisted') c.waitlisted++;
    else {
      c.signUps++;
      if (s.state === 'attended') {
        c.attended++;
        if (s.attendance?.entryId) c.creditedMinutes += o.creditedMinutesPerShift;
      } else if (s.state === 'no-show') c.noShows++;
      else if (s.state === 'registered') c.unmarked++;
    }
  }
  return c;
}

/** Coordinators of the municipality and the agency: every opportunity of the municipality (drafts left out). */
export async function attendanceReport(deps: AttendanceDeps, user: User, municipality: string): Promise<AttendanceReport> {
  if (user.role !== 'coordinator' && user.role !== 'agency') throw new ForbiddenError(`a ${user.role} cannot read the attendance report`);
  assertActsFor(user, municipality);
  if (!(await deps.municipalities.get(municipality))) throw new NotFoundError('municipality', municipality);
  const opportunities = (await deps.attendance.opportunitiesOf(municipality)).filter((o) => o.status !== 'draft');
  const [signUps, institutions] = await Promise.all([
    Promise.all(opportunities.map((o) => deps.attendance.signUpsOf(o.id))),
    Promise.all([...new Set(opportunities.flatMap((o) => (o.institutionId ? [o.institutionId] : [])))].map((id) => deps.hours.getInstitution(id))),
  ]);
  const nameOf = new Map(institutions.flatMap((i) => (i ? [[i.id, i.name] as const] : [])));
  const rows = opportunities.map((o, i) => ({
    opportunityId: o.id, title: o.title.lv, kind: o.kind, status: o.status, institutionId: o.institutionId ?? null,
    institutionName: o.institutionId ? nameOf.get(o.institutionId) ?? null : null,
    firstShift: new Date(Math.min(...o.shifts.map((s) => Date.parse(s.start)))).toISOString(), shifts: o.shifts.length,
    // the places of the shifts that take place (a shift called off offers none)
    places: o.shifts.reduce((n, s, index) => n + (shiftCalledOff(o, index) ? 0 : s.places), 0), ...countsOf(o, signUps[i]!),
  }));
  const byInstitution = new Map<string | null, AttendanceReport['institutions'][number]>();
  for (const r of rows) {
    const line = byInstitution.get(r.institutionId) ?? { institutionId: r.institutionId, institutionName: r.institutionName, opportunities: 0, ...zero() };
    line.opportunities++;
    add(line, r);
    byInstitution.set(r.institutionId, line);
  }
  const totals = { opportunities: rows.length, ...zero() };
  for (const r of rows) add(totals, r);
  const institutionsOut = [...byInstitution.values()].sort((a, b) => (a.institutionName ?? '\uffff').localeCompare(b.institutionName ?? '\uffff', 'lv'));
  return { municipality, opportunities: rows, institutions: institutionsOut, totals };
}

const COUNT_HEADER = ['sign_ups', 'waitlisted', 'cancelled', 'attended', 'no_shows', 'unmarked', 'credited_minutes', 'credited_hours'];
const countCells = (c: Counts) => [c.signUps, c.waitlisted, c.cancelled, c.attended, c.noShows, c.unmarked, c.creditedMinutes, (c.creditedMinutes / 60).toFixed(2)];

/** One CSV: a line per opportunity, then a line per institution (`level` says which), then the total. */
export function attendanceReportCsv(r: AttendanceReport): string {
  const header = ['level', 'municipality', 'institution_id', 'institution', 'opportunity_id', 'opportunity', 'kind', 'status', 'first_shift', ...COUNT_HEADER];
  const rows = [
    ...r.opportunities.map((o) => ['opportunity', r.municipality, o.institutionId, o.institutionName, o.opportunityId, o.title, o.kind, o.status, o.firstShift, ...countCells(o)]),
    ...r.institutions.map((i) => ['institution', r.municipality, i.institutionId, i.institutionName, null, null, null, null, null, ...countCells(i)]),
    ['total', r.municipality, null, null, null, null, null, null, null, ...countCells(r.totals)],
  ];
  return csvFile(csvText(header, rows));
}
