// The deploy-time backfill on DynamoDB Local: an account closed before closure fixed its retention joins the erasure
// queue with the retention its municipality sets; move requests without a MOVELOG item get one, so every request of
// the young person is found; a second run changes nothing; accounts closed since, and open ones, are left alone.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoErasureStore } from '../../../lib/data/erasure-repository.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { ENTITY, keys } from '../../../lib/data/keys.js';
import { DynamoLegacyRecords } from '../../../lib/data/legacy-records.js';
import { DynamoMoveRepository } from '../../../lib/data/move-repository.js';
import type { MoveRequest } from '../../../lib/domain/accounts/moves.js';
import { backfillAccounts, type BackfillDeps } from '../../../lib/domain/accounts/use-cases/backfill-accounts.js';
import { defaultProgramme } from '../../../lib/domain/hours/types.js';
import { aVolunteer } from '../../support/hours-builders.js';
import { suiteTable } from '../../support/dynamo.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let hours: DynamoHoursRepository;
let moves: DynamoMoveRepository;
let deps: BackfillDeps;

beforeAll(async () => {
  t = await suiteTable('backfill');
  hours = new DynamoHoursRepository(t.doc, t.table);
  moves = new DynamoMoveRepository(t.doc, t.table);
  deps = { hours, legacy: new DynamoLegacyRecords(t.doc, t.table) };
});
afterAll(async () => t.drop());

/** A profile as an earlier release closed it: closedAt, no retainedUntil, not in the erasure queue. */
async function aLegacyClosedProfile(municipality: string, closedAt: string) {
  const v = aVolunteer({ id: `old-${randomUUID()}`, municipality, name: 'Slēgts konts', email: 'closed@closed.invalid' });
  const { guardianConsent: _, ...profile } = v;
  await t.doc.send(new PutCommand({ TableName: t.table, Item: { ...keys.volunteer(v.id), entityType: ENTITY.volunteer, ...profile, guardianConsent: null, closedAt } }));
  return v.id;
}

const aMove = (volunteerId: string, requestedAt: string, status: MoveRequest['status'] = 'refused'): MoveRequest => ({
  id: randomUUID(), volunteerId, volunteerName: 'Anna', birthDate: '2008-03-01', from: 'LV-042', to: 'LV-026', note: null,
  status, requestedAt, decidedAt: null, decidedBy: null, reason: null,
});

describe('backfillAccounts', () => {
  it('queues accounts closed by earlier releases for erasure with their retention, and logs every earlier move request', async () => {
    await hours.putProgramme({ ...defaultProgramme('LV-011'), retentionYears: 3 });
    const legacy = await aLegacyClosedProfile('LV-011', '2025-03-10T08:00:00.000Z');
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

    expect(await backfillAccounts(deps)).toEqual({ retention: 2, moveLogs: 2 });
    expect((await hours.getVolunteer(legacy))!.retainedUntil).toBe('2028-03-10');
    expect((await hours.getVolunteer(legacyDefault))!.retainedUntil).toBe('2029-01-05');
    expect((await hours.getVolunteer(open.id))!.retainedUntil).toBeUndefined();
    expect((await hours.getVolunteer(recent.id))!.retainedUntil).toBe('2031-11-01');
    const due = await new DynamoErasureStore(t.doc, t.table).due('2029-01-06', 50);
    expect(due).toContainEqual({ volunteerId: legacy, retainedUntil: '2028-03-10' });
    expect(due.map((d) => d.volunteerId)).toContain(legacyDefault);
    expect(due.map((d) => d.volunteerId)).not.toContain(recent.id);
    expect((await moves.allOf(mover)).map((m) => m.id)).toEqual([first.id, second.id]);
    expect((await moves.allOf(logged.volunteerId)).map((m) => m.id)).toEqual([logged.id]);

    // a second run: nothing left to do
    expect(await backfillAccounts(deps)).toEqual({ retention: 0, moveLogs: 0 });
  });
});
