import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError, ForbiddenError, RuleViolation } from '../../../../lib/domain/errors.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { decideEntries, decideEntry, reverseEntry } from '../../../../lib/domain/hours/use-cases/decide-entry.js';
import { assignSupervisor, listInstitutions, registerInstitution, setInstitutionActive } from '../../../../lib/domain/hours/use-cases/institutions.js';
import { getProgramme, putProgramme } from '../../../../lib/domain/hours/use-cases/programme.js';
import { municipalityReport, myProgress, pendingQueue } from '../../../../lib/domain/hours/use-cases/queries.js';
import { entryIdFor, submitEntry } from '../../../../lib/domain/hours/use-cases/submit-entry.js';
import { putMyProfile } from '../../../../lib/domain/hours/use-cases/volunteer-profile.js';
import { programmeInputSchema } from '../../../../lib/domain/hours/types.js';
import { MUNICIPALITIES } from '../../../../lib/domain/municipalities/registry.js';
import { InMemoryHoursRepository } from '../../../support/in-memory-hours.js';
import { anEntryInput } from '../../../support/hours-builders.js';

const user = (role: User['role'], sub: string, municipality: string | null = 'LV-042'): User => ({ sub, role, municipality, institution: null, email: null, name: null });
const youth = user('youth', 'y-1');
const coordinator = user('coordinator', 'c-1');
const supervisor = user('supervisor', 's-1');

let hours: InMemoryHoursRepository;
let deps: Parameters<typeof submitEntry>[0];
let institutionId: string;

beforeEach(async () => {
  hours = new InMemoryHoursRepository();
  deps = {
    hours, clock: { now: () => new Date('2026-03-20T10:00:00Z') },
    municipalities: { get: async (code: string) => MUNICIPALITIES.find((m) => m.code === code) },
  };
  await putMyProfile(deps, youth, { name: 'Ģirts Ķēniņš', birthDate: '2005-06-15', email: 'g@example.lv', municipality: 'LV-042', inBasicSchool: false });
  await putProgramme(deps, coordinator, 'LV-042', programmeInputSchema.parse({ thresholdMinutes: 120, tiers: [{ name: 'bronza', minMinutes: 120 }] }));
  institutionId = (await registerInstitution(deps, coordinator, 'LV-042', { name: 'Bibliotēka' })).id;
  await assignSupervisor(deps, coordinator, institutionId, 's-1');
});

const submit = (overrides = {}, key?: string) => submitEntry(deps, youth, anEntryInput({ institutionId, ...overrides }), key);

describe('roles, checked by the use cases themselves (not only by the route table)', () => {
  const sameMunicipality = { youth, supervisor, coordinator };
  it.each([
    ['registerInstitution', ['youth', 'supervisor'], (u: User) => registerInstitution(deps, u, 'LV-042', { name: 'Skola' })],
    ['setInstitutionActive', ['youth', 'supervisor'], (u: User) => setInstitutionActive(deps, u, institutionId, false)],
    ['assignSupervisor', ['youth', 'supervisor'], (u: User) => assignSupervisor(deps, u, institutionId, 's-2')],
    ['putProgramme', ['youth', 'supervisor'], (u: User) => putProgramme(deps, u, 'LV-042', programmeInputSchema.parse({}))],
    ['putMyProfile', ['supervisor', 'coordinator'], (u: User) => putMyProfile(deps, u, { name: 'X', birthDate: '2000-01-01', email: 'x@example.lv', municipality: 'LV-042', inBasicSchool: false })],
  ] as const)('%s refuses the roles %j of the same municipality (403)', async (_, roles, act) => {
    for (const role of roles) await expect(act(sameMunicipality[role])).rejects.toThrow(ForbiddenError);
  });

  it('lets only a supervisor decide and only coordination reverse, even within the municipality', async () => {
    const { entry } = await submit();
    await expect(decideEntry(deps, { ...coordinator, sub: 's-1' }, entry.id, { decision: 'approve' })).rejects.toThrow(ForbiddenError);
    await decideEntry(deps, supervisor, entry.id, { decision: 'approve' });
    await expect(reverseEntry(deps, supervisor, entry.id, 'kļūda')).rejects.toThrow(ForbiddenError);
    await expect(reverseEntry(deps, youth, entry.id, 'kļūda')).rejects.toThrow(ForbiddenError);
    expect((await hours.getEntry(entry.id))?.state).toBe('approved');
  });
});

describe('putProgramme', () => {
  it('refuses a tier below the threshold (422) and keeps the stored programme', async () => {
    const before = await getProgramme(deps, coordinator, 'LV-042');
    const input = programmeInputSchema.parse({ tiers: [{ name: 'bronza', minMinutes: 3000 }, { name: 'sudrabs', minMinutes: 6000 }] });
    await expect(putProgramme(deps, coordinator, 'LV-042', input)).rejects.toMatchObject({ ruleId: 'programme.tier-below-threshold', field: 'body.tiers.0.minMinutes' });
    expect(await getProgramme(deps, coordinator, 'LV-042')).toEqual(before);
  });
});

describe('putMyProfile', () => {
  it('refuses a birth date after today in Riga and keeps the stored profile', async () => {
    const future = putMyProfile(deps, youth, { name: 'Ģirts Ķēniņš', birthDate: '2026-03-21', email: 'g@example.lv', municipality: 'LV-042', inBasicSchool: false });
    await expect(future).rejects.toMatchObject({ ruleId: 'hours.birth-date-future' });
    expect((await hours.getVolunteer('y-1'))?.birthDate).toBe('2005-06-15');
  });
});

describe('submitEntry', () => {
  it('stores a pending entry, counts its minutes as pending and emits HoursSubmitted', async () => {
    const { entry, replayed } = await submit({ minutes: 90 });
    expect(replayed).toBe(false);
    expect(entry).toMatchObject({ state: 'pending', volunteerId: 'y-1', programme: 'LV-042', institutionName: 'Bibliotēka' });
    expect(await hours.getTally('y-1', 'LV-042', 2026)).toMatchObject({ pendingMinutes: 90, approvedMinutes: 0 });
    expect(hours.outbox.map((e) => e.type)).toEqual(['HoursSubmitted']);
  });

  it('replays the first result for a repeated Idempotency-Key and writes nothing new', async () => {
    const first = await submit({}, 'k-1');
    const again = await submit({}, 'k-1');
    expect(again).toEqual({ entry: first.entry, replayed: true });
    expect(hours.entries.size).toBe(1);
    expect(hours.outbox).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different body', async () => {
    await submit({}, 'k-2');
    await expect(submit({ minutes: 30 }, 'k-2')).rejects.toMatchObject({ ruleId: 'hours.idempotency-key-reused' });
    expect(hours.entries.size).toBe(1);
  });

  it('replays a retry that finds its first copy in the week before the key record is readable, instead of refusing it as an overlap', async () => {
    const first = await submit({ minutes: 90, startTime: '14:00' }, 'k-3');
    hours.hiddenIdempotencyReads = 2;
    const again = await submit({ minutes: 90, startTime: '14:00' }, 'k-3');
    expect(again).toEqual({ entry: first.entry, replayed: true });
    expect(hours.entries.size).toBe(1);
    expect(hours.outbox).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a body of another week, writing nothing', async () => {
    await submit({ date: '2026-03-18' }, 'k-4');
    await expect(submit({ date: '2026-03-02' }, 'k-4')).rejects.toMatchObject({ ruleId: 'hours.idempotency-key-reused' });
    expect(hours.entries.size).toBe(1);
  });

  it('gives a keyed entry an id derived from the volunteer and the key (a UUID), so retries target one entry', () => {
    expect(entryIdFor('y-1', 'k-5')).toBe(entryIdFor('y-1', 'k-5'));
    expect(entryIdFor('y-1', 'k-5')).not.toBe(entryIdFor('y-2', 'k-5'));
    expect(z.uuid().safeParse(entryIdFor('y-1', 'k-5')).success).toBe(true);
  });

  it('retries when the tally moved under it', async () => {
    hours.staleTallyWrites = 2;
    await submit();
    expect(await hours.getTally('y-1', 'LV-042', 2026)).toMatchObject({ pendingMinutes: 60, version: 1 });
  });

  it('refuses hours before a profile exists and at an unknown institution', async () => {
    await expect(submitEntry(deps, user('youth', 'y-none'), anEntryInput({ institutionId }))).rejects.toMatchObject({ ruleId: 'hours.profile-missing' });
    await expect(submit({ institutionId: 'nope' })).rejects.toMatchObject({ ruleId: 'hours.institution-unknown' });
  });

  it('counts the pending entries of the day towards the cap', async () => {
    await submit({ minutes: 600 });
    await expect(submit({ minutes: 135 })).rejects.toMatchObject({ ruleId: 'hours.adult-daily-cap' });
  });
});

describe('decideEntry and reverseEntry', () => {
  it('moves minutes from pending to approved once; a second decision is a 409 conflict', async () => {
    const { entry } = await submit({ minutes: 60 });
    await decideEntry(deps, supervisor, entry.id, { decision: 'approve-fewer', approvedMinutes: 45, comment: 'Sāka vēlāk' });
    await expect(decideEntry(deps, supervisor, entry.id, { decision: 'approve' })).rejects.toBeInstanceOf(ConflictError);
    expect(await hours.getTally('y-1', 'LV-042', 2026)).toMatchObject({ pendingMinutes: 0, approvedMinutes: 45 });
    expect((await hours.auditOf(entry.id)).map((a) => a.to)).toEqual(['pending', 'approved']);
  });

  it('emits ThresholdReached once per volunteer, programme and year, even after a reversal and a new approval', async () => {
    const ids = [];
    for (const date of ['2026-03-01', '2026-03-02', '2026-03-03']) ids.push((await submit({ date, minutes: 60 })).entry.id);
    await decideEntry(deps, supervisor, ids[0]!, { decision: 'approve' });
    await decideEntry(deps, supervisor, ids[1]!, { decision: 'approve' });
    await reverseEntry(deps, coordinator, ids[1]!, 'Dubultots ieraksts');
    expect(await hours.eligibleVolunteers('LV-042', 2026)).toEqual([]);
    await decideEntry(deps, supervisor, ids[2]!, { decision: 'approve' });
    expect(hours.outbox.filter((e) => e.type === 'ThresholdReached')).toHaveLength(1);
    expect(hours.outbox.map((e) => e.type)).toEqual(['HoursSubmitted', 'HoursSubmitted', 'HoursSubmitted', 'HoursApproved', 'HoursApproved', 'ThresholdReached', 'HoursReversed', 'HoursApproved']);
    expect(await myProgress(deps, youth, 2026)).toMatchObject({ approvedMinutes: 120, eligible: true, tierReached: 'bronza', minutesStillNeeded: 0 });
  });

  it('refuses supervisors not assigned to the institution, of another municipality, or deciding their own entry', async () => {
    const { entry } = await submit();
    await expect(decideEntry(deps, user('supervisor', 's-2'), entry.id, { decision: 'approve' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideEntry(deps, user('supervisor', 's-1', 'LV-RIX'), entry.id, { decision: 'approve' })).rejects.toBeInstanceOf(ForbiddenError);
    await assignSupervisor(deps, coordinator, institutionId, 'y-1');
    await expect(decideEntry(deps, user('supervisor', 'y-1'), entry.id, { decision: 'approve' })).rejects.toMatchObject({ ruleId: 'hours.own-entry' });
    expect((await hours.getEntry(entry.id))?.state).toBe('pending');
  });

  it('decides in bulk, reporting each item on its own', async () => {
    const a = (await submit({ date: '2026-03-01' })).entry;
    const results = await decideEntries(deps, supervisor, [
      { entryId: a.id, decision: { decision: 'reject', reason: 'Nebija klāt' } },
      { entryId: a.id, decision: { decision: 'approve' } },
      { entryId: 'missing', decision: { decision: 'approve' } },
    ]);
    expect(results.map((r) => r.status === 200 ? 'ok' : (r.error as Error).constructor.name)).toEqual(['ok', 'ConflictError', 'NotFoundError']);
  });

  it('lets only a coordinator of the programme reverse, and only approved entries', async () => {
    const { entry } = await submit();
    await expect(reverseEntry(deps, coordinator, entry.id, 'x')).rejects.toBeInstanceOf(RuleViolation);
    await decideEntry(deps, supervisor, entry.id, { decision: 'approve' });
    await expect(reverseEntry(deps, user('coordinator', 'c-2', 'LV-RIX'), entry.id, 'x')).rejects.toBeInstanceOf(ForbiddenError);
    await reverseEntry(deps, coordinator, entry.id, 'Kļūda');
    await expect(reverseEntry(deps, coordinator, entry.id, 'Kļūda')).rejects.toBeInstanceOf(ConflictError);
    expect(await hours.getTally('y-1', 'LV-042', 2026)).toMatchObject({ approvedMinutes: 0, pendingMinutes: 0 });
  });
});

describe('queries', () => {
  it.each([
    ['a coordinator of another municipality', user('coordinator', 'c-rix', 'LV-RIX')],
    ['a supervisor of another municipality', user('supervisor', 's-rix', 'LV-RIX')],
  ])('refuses %s the municipality’s institutions and programme (403)', async (_, other) => {
    await expect(listInstitutions(deps, other, 'LV-042')).rejects.toThrow(ForbiddenError);
    await expect(getProgramme(deps, other, 'LV-042')).rejects.toThrow(ForbiddenError);
  });

  it('shows any municipality’s institutions and programme to a youth, and their own to staff', async () => {
    for (const reader of [youth, user('youth', 'y-rix', 'LV-RIX'), coordinator, supervisor, user('agency', 'a-1', null)]) {
      expect((await listInstitutions(deps, reader, 'LV-042')).map((i) => i.id)).toEqual([institutionId]);
      expect((await getProgramme(deps, reader, 'LV-042')).thresholdMinutes).toBe(120);
    }
  });

  it('shows a supervisor the pending queue of their institutions, oldest first', async () => {
    const a = (await submit({ date: '2026-03-01' })).entry;
    const b = (await submit({ date: '2026-03-02' })).entry;
    await decideEntry(deps, supervisor, a.id, { decision: 'approve' });
    expect((await pendingQueue(deps, supervisor)).map((e) => e.id)).toEqual([b.id]);
    expect(await pendingQueue(deps, user('supervisor', 's-9'))).toEqual([]);
  });

  it('reports hours per institution, volunteer and month for the coordinator only', async () => {
    const a = (await submit({ date: '2026-02-01', minutes: 60 })).entry;
    await submit({ date: '2026-03-01', minutes: 30 });
    await decideEntry(deps, supervisor, a.id, { decision: 'approve' });
    const report = await municipalityReport(deps, coordinator, 'LV-042', 2026);
    expect(report.byMonth).toEqual([{ month: '2026-02', approvedMinutes: 60, pendingMinutes: 0 }, { month: '2026-03', approvedMinutes: 0, pendingMinutes: 30 }]);
    expect(report.byInstitution).toEqual([{ institutionId, name: 'Bibliotēka', approvedMinutes: 60, pendingMinutes: 30 }]);
    expect(report.byVolunteer).toEqual([{ volunteerId: 'y-1', name: 'Ģirts Ķēniņš', approvedMinutes: 60, pendingMinutes: 30, eligible: false }]);
    await expect(municipalityReport(deps, user('coordinator', 'c-2', 'LV-RIX'), 'LV-042', 2026)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
