// What youth, supervisors and coordinators read: own entries and progress, the pending queue, the municipality report.
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { actsFor, assertActsFor, type User } from '../../identity/types.js';
import { progressOf } from '../rules.js';
import type { HourEntry, Progress } from '../types.js';
import { assertMunicipality, programmeOf, type HoursDeps } from './deps.js';

export async function listMyEntries(deps: Pick<HoursDeps, 'hours'>, user: User, year: number): Promise<HourEntry[]> {
  return deps.hours.entriesBetween(user.sub, `${year}-01-01`, `${year}-12-31`);
}

/** Progress in the programme of the volunteer's municipality: approved, pending, threshold, tier, still needed. */
export async function myProgress(deps: Pick<HoursDeps, 'hours'>, user: User, year: number): Promise<Progress> {
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer) throw new NotFoundError('volunteer profile', user.sub);
  const programme = await programmeOf(deps, volunteer.municipality);
  return progressOf(await deps.hours.getTally(user.sub, volunteer.municipality, year), programme);
}

/** Pending entries of every institution the supervisor is assigned to (in their municipality), oldest first. */
export async function pendingQueue(deps: Pick<HoursDeps, 'hours'>, user: User, limit = 100): Promise<HourEntry[]> {
  const ids = await deps.hours.institutionsOf(user.sub);
  const queues = await Promise.all(ids.map(async (id) => {
    const institution = await deps.hours.getInstitution(id);
    return institution && actsFor(user, institution.municipality) ? deps.hours.pendingQueue(id, limit) : [];
  }));
  return queues.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).slice(0, limit);
}

export interface MunicipalityReport {
  municipality: string;
  year: number;
  thresholdMinutes: number;
  totals: { approvedMinutes: number; pendingMinutes: number; volunteers: number; eligibleVolunteers: number };
  byInstitution: { institutionId: string; name: string; approvedMinutes: number; pendingMinutes: number }[];
  byVolunteer: { volunteerId: string; name: string; approvedMinutes: number; pendingMinutes: number; eligible: boolean }[];
  byMonth: { month: string; approvedMinutes: number; pendingMinutes: number }[];
}

/** Hours of the municipality's programme in a year, per institution, per volunteer and per month. */
export async function municipalityReport(deps: Pick<HoursDeps, 'hours' | 'municipalities'>, user: User, municipality: string, year: number): Promise<MunicipalityReport> {
  await assertMunicipality(deps, municipality);
  if (user.role !== 'coordinator' && user.role !== 'agency') throw new ForbiddenError('only coordinators read the report');
  assertActsFor(user, municipality);
  const [entries, programme] = await Promise.all([deps.hours.entriesOfProgrammeYear(municipality, year), programmeOf(deps, municipality)]);
  const group = <K extends string>(key: (e: HourEntry) => K, name: (e: HourEntry) => string) => {
    const map = new Map<K, { name: string; approvedMinutes: number; pendingMinutes: number }>();
    for (const e of entries) {
      const row = map.get(key(e)) ?? { name: name(e), approvedMinutes: 0, pendingMinutes: 0 };
      if (e.state === 'approved') row.approvedMinutes += e.approvedMinutes;
      if (e.state === 'pending') row.pendingMinutes += e.minutes;
      map.set(key(e), row);
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const byVolunteer = group((e) => e.volunteerId, (e) => e.volunteerName).map(([volunteerId, r]) => ({ volunteerId, ...r, eligible: r.approvedMinutes >= programme.thresholdMinutes }));
  return {
    municipality, year, thresholdMinutes: programme.thresholdMinutes,
    totals: {
      approvedMinutes: byVolunteer.reduce((s, r) => s + r.approvedMinutes, 0),
      pendingMinutes: byVolunteer.reduce((s, r) => s + r.pendingMinutes, 0),
      volunteers: byVolunteer.length,
      eligibleVolunteers: byVolunteer.filter((r) => r.eligible).length,
    },
    byInstitution: group((e) => e.institutionId, (e) => e.institutionName).map(([institutionId, r]) => ({ institutionId, ...r })),
    byVolunteer,
    byMonth: group((e) => e.date.slice(0, 7), (e) => e.date.slice(0, 7)).map(([month, r]) => ({ month, approvedMinutes: r.approvedMinutes, pendingMinutes: r.pendingMinutes })),
  };
}
