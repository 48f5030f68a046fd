// The deploy-time backfill on DynamoDB Local: every closed account is closed again by the same use case, so one closed
// by an earlier release gets what it lacked (retention from its municipality, the erasure queue, the name off its
// profile and entries, sign-in off; the guardian's consent stays as evidence) and one closed since stays as it was; move requests without a
// MOVELOG item get one; an account that fails half-way keeps the marker away and is finished by the next run; a clean
// run leaves the marker and the next run reads nothing; open accounts are left alone.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoClosureRecords, DynamoErasureStore } from '../../../lib/data/erasure-repository.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { ENTITY, keys } from '../../../lib/data/keys.js';
import { DynamoLegacyRecords } from '../../../lib/data/legacy-records.js';
import { DynamoMoveRepository } from '../../../lib/data/move-repository.js';
import type { MoveRequest } from '../../../lib/domain/accounts/moves.js';
import { BACKFILL_MARKER, backfillAccounts, type BackfillDeps } from '../../../lib/domain/accounts/use-cases/backfill-accounts.js';
import { CLOSED_NAME } from '../../../lib/domain/accounts/use-cases/close-my-account.js';
import { nextTally } from '../../../lib/domain/hours/rules.js';
import { defaultProgramme } from '../../../lib/domain/hours/types.js';
import { anHourEntry, aVolunteer } from '../../support/hours-builders.js';
import { suiteTable } from '../../support/dynamo.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let hours: DynamoHoursRepository;
let moves: DynamoMoveRepository;
let legacy: DynamoLegacyRecords;
const disabled: string[] = [];
let refuse: string | undefined;

beforeAll(async () => {
  t = await suiteTable('backfill');
  hours = new DynamoHoursRepository(t.doc, t.table);
  moves = new DynamoMoveRepository(t.doc, t.table);
  legacy = new DynamoLegacyRecords(t.doc, t.table);
});
afterAll(async () => t.drop());

const depsAt = (now: string): BackfillDeps => ({
  closure: {
    hours, records: new DynamoClosureRecords(t.doc, t.table), clock: { now: () => new Date(now) },
    signIn: { disable: async (sub) => { if (sub === refuse) throw new Error('Cognito unavailable'); disabled.push(sub); } },
  },
  legacy,
});

/** A profile as an earlier release closed it: closedAt, the real name still on it, no retainedUntil, not queued. */
async function aLegacyClosedProfile(municipality: string, closedAt: string) {
  const v = aVolunteer({ id: `old-${randomUUID()}`, municipality, name: 'Anna Vecā', email: 'anna@example.lv' });
  const { guardianConsent: _, ...profile } = v;
  await t.doc.send(new PutCommand({ TableName: t.table, Item: { ...keys.volunteer(v.id), entityType: ENTITY.volunteer, ...profile, guardianConsent: null, closedAt } }));
  return v.id;
}

const aMove = (volunteerId: string, requestedAt: string, status: MoveRequest['status'] = 'refused'): MoveRequest => ({
  id: randomUUID(), volunteerId, volunteerName: 'Anna', birthDate: '2008-03-01', from: 'LV-042', to: 'LV-026', note: null,
  status, requestedAt, decidedAt: null, decidedBy: null, reason: null,
});

describe('backfillAccounts', () => {
  it('closes again the accounts earlier releases closed, logs every earlier move request, then leaves a marker', async () => {
    await hours.putProgramme({ ...defaultProgramme('LV-011'), retentionYears: 3 });
    const legacyOne = await aLegacyClosedProfile('LV-011', '2025-03-10T08:00:00.000Z');
    const entry0 = anHourEntry({ id: randomUUID(), volunteerId: legacyOne, volunteerName: 'Anna Vecā', programme: 'LV-011' });
    const tally = await hours.getTally(legacyOne, 'LV-011', 2026);
    await hours.createEntry(entry0, nextTally(tally, { pending: entry0.minutes, approved: 0 }, defaultProgramme('LV-011'), 'now').tally,
      { entryId: entry0.id, at: new Date().toISOString(), by: 'x', from: null, to: entry0.state, reason: null }, []);
    await t.doc.send(new PutCommand({ TableName: t.table, Item: {
      ...keys.guardianConsent(legacyOne), entityType: ENTITY.guardianConsent, volunteerId: legacyOne,
      guardian: { name: 'Inese Vecā', email: 'inese@example.lv', relation: 'mother' }, status: 'given', version: 1,
    } }));
    const legacyDefault = await aLegacyClosedProfile('LV-042', '2024-01-05T08:00:00.000Z');
    const open = aVolunteer({ id: `open-${randomUUID()}`, municipality: 'LV-042' });
    await hours.putVolunteer(open);
    const recent = aVolunteer({ id: `new-${randomUUID()}`, municipality: 'LV-042', closedAt: '2026-11-01T08:00:00.000Z', retainedUntil: '2031-11-01' });
    await hours.putVolunteer(recent);

    // two requests of one young person, as an earlier release stored them: no MOVELOG items
    const mover = `mover-${randomUUID()}`;
    const first = aMove(mover, '2026-01-10T10:00:00.000Z');
    await moves.create(first, []);
    const second = aMove(mover, '2026-02-10T10:00:00.000Z', 'requested');
    await t.doc.send(new PutCommand({ TableName: t.table, Item: { ...keys.moveRequest(second.id), entityType: ENTITY.moveRequest, ...second } }));
    await t.doc.send(new DeleteCommand({ TableName: t.table, Key: keys.moveOfVolunteerLog(mover, first.requestedAt, first.id) }));
    expect(await moves.allOf(mover)).toEqual([]);
    const logged = aMove(`other-${randomUUID()}`, '2026-03-01T10:00:00.000Z');
    await moves.create(logged, []);

    // one account's sign-in cannot be disabled: no marker, the next deploy tries again
    refuse = legacyDefault;
    const partial = await backfillAccounts(depsAt('2026-12-06T10:00:00.000Z'));
    expect(partial).toMatchObject({ skipped: false, closedAgain: 2, moveLogs: 2, failed: 1 });
    expect(await legacy.done(BACKFILL_MARKER)).toBe(false);
    // its retention end was written before the failure: the next run still finishes it
    expect((await hours.getVolunteer(legacyDefault))!.retainedUntil).toBe('2029-01-05');
    expect(disabled).not.toContain(legacyDefault);
    refuse = undefined;
    expect(await backfillAccounts(depsAt('2026-12-06T10:05:00.000Z'))).toEqual({ skipped: false, closedAgain: 3, moveLogs: 0, failed: 0 });
    expect(await legacy.done(BACKFILL_MARKER)).toBe(true);
    expect(await backfillAccounts(depsAt('2026-12-06T10:10:00.000Z'))).toEqual({ skipped: true, closedAgain: 0, moveLogs: 0, failed: 0 });

    const one = (await hours.getVolunteer(legacyOne))!;
    expect(one).toMatchObject({ retainedUntil: '2028-03-10', closedAt: '2025-03-10T08:00:00.000Z', name: CLOSED_NAME, email: `closed-${legacyOne}@closed.invalid` });
    expect((await hours.getVolunteer(legacyDefault))!.retainedUntil).toBe('2029-01-05');
    expect((await hours.getVolunteer(open.id))!.retainedUntil).toBeUndefined();
    expect((await hours.getVolunteer(recent.id))!).toMatchObject({ retainedUntil: '2031-11-01', closedAt: '2026-11-01T08:00:00.000Z' });
    expect(disabled).toContain(legacyDefault);
    expect(disabled).toContain(legacyOne);
    expect(disabled).not.toContain(open.id);
    const [entry] = await hours.entriesBetween(legacyOne, '2000-01-01', '2100-01-01');
    expect(entry!.volunteerName).toBe(CLOSED_NAME);
    // the consent record stays as it was: the evidence of a minor's lawful volunteering, until the erasure
    const consent = (await t.doc.send(new GetCommand({ TableName: t.table, Key: keys.guardianConsent(legacyOne) }))).Item!;
    expect(consent.guardian).toEqual({ name: 'Inese Vecā', email: 'inese@example.lv', relation: 'mother' });

    const due = (await new DynamoErasureStore(t.doc, t.table).due('2029-01-06', 50)).map((d) => d.volunteerId);
    expect(due).toEqual(expect.arrayContaining([legacyOne, legacyDefault]));
    expect(due).not.toContain(recent.id);
    expect((await moves.allOf(mover)).map((m) => m.id)).toEqual([first.id, second.id]);
    expect((await moves.allOf(logged.volunteerId)).map((m) => m.id)).toEqual([logged.id]);
  });

  it('writes no log item for a request erased meanwhile', async () => {
    expect(await legacy.logMove({ id: randomUUID(), volunteerId: `gone-${randomUUID()}`, requestedAt: '2026-01-01T00:00:00.000Z' })).toBe(false);
  });
});
