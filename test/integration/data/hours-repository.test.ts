import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { INDEXES } from '../../../lib/data/table.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import { IdempotencyKeyTaken, RetryableConflict } from '../../../lib/domain/hours/ports.js';
import { decide, nextTally, reverse } from '../../../lib/domain/hours/rules.js';
import type { HourEntry } from '../../../lib/domain/hours/types.js';
import { suiteTable } from '../../support/dynamo.js';
import { aProgramme, anHourEntry, anInstitution, aVolunteer } from '../../support/hours-builders.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoHoursRepository;
beforeAll(async () => {
  t = await suiteTable('hours-repo');
  repo = new DynamoHoursRepository(t.doc, t.table);
});
afterAll(async () => t.drop());

const programme = aProgramme({ thresholdMinutes: 120 });
const audit = (e: HourEntry, from: HourEntry['state'] | null) => ({ entryId: e.id, at: new Date().toISOString(), by: 'x', from, to: e.state, reason: null });

async function submitted(overrides: Partial<HourEntry>, key?: string) {
  const entry = anHourEntry({ id: crypto.randomUUID(), ...overrides });
  const tally = await repo.getTally(entry.volunteerId, entry.programme, 2026);
  await repo.createEntry(entry, nextTally(tally, { pending: entry.minutes, approved: 0 }, programme, 'now').tally, audit(entry, null), [], key ? { key, requestHash: 'h' } : undefined);
  return entry;
}

async function approve(entry: HourEntry) {
  const decided = decide(entry, { decision: 'approve' }, 's-1', new Date().toISOString());
  const tally = await repo.getTally(entry.volunteerId, entry.programme, 2026);
  const next = nextTally(tally, { pending: -entry.minutes, approved: decided.approvedMinutes }, programme, 'now');
  await repo.transition(decided, 'pending', next.tally, audit(decided, 'pending'), []);
  return { decided, next };
}

const gsi3Count = async (pk: string) => (await t.doc.send(new QueryCommand({
  TableName: t.table, IndexName: INDEXES.byEligibility.name, KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': pk },
}))).Items?.length ?? 0;

describe('DynamoHoursRepository', () => {
  it('stores volunteers, institutions, assignments and programmes and reads them back as domain types', async () => {
    const volunteer = aVolunteer({ id: 'y-profile' });
    await repo.putVolunteer(volunteer);
    expect(await repo.getVolunteer('y-profile')).toEqual(volunteer);
    // the youth's profile never writes the guardian's consent: only the consent record does (consent-repository)
    await repo.putVolunteer({ ...volunteer, guardianConsent: { name: 'Inga', relation: 'parent', date: '2024-01-01', via: 'paper', withdrawnAt: null } });
    expect((await repo.getVolunteer('y-profile'))!.guardianConsent).toBeNull();
    const inst = anInstitution({ id: 'inst-a', municipality: 'LV-056' });
    await repo.createInstitution(inst);
    await expect(repo.createInstitution(inst)).rejects.toBeInstanceOf(ConflictError);
    await repo.setInstitutionActive('inst-a', false);
    expect(await repo.listInstitutions('LV-056')).toEqual([{ ...inst, active: false }]);
    await repo.putAssignment({ institutionId: 'inst-a', supervisorId: 's-a', municipality: 'LV-056', assignedAt: '2026-01-01T00:00:00.000Z', assignedBy: 'c' });
    expect(await repo.isAssigned('inst-a', 's-a')).toBe(true);
    expect(await repo.isAssigned('inst-a', 's-b')).toBe(false);
    expect(await repo.institutionsOf('s-a')).toEqual(['inst-a']);
    const p = { ...aProgramme({ municipality: 'LV-056', tiers: [{ name: 'zelts', minMinutes: 9000 }] }), updatedAt: 'now', updatedBy: 'c' };
    await repo.putProgramme(p);
    expect(await repo.getProgramme('LV-056')).toEqual(p);
    expect(await repo.getProgramme('LV-058')).toBeUndefined();
  });

  it('keeps the pending queue sparse, oldest first: a decided entry leaves it', async () => {
    const a = await submitted({ volunteerId: 'y-q', institutionId: 'inst-q', createdAt: '2026-03-01T10:00:00.000Z', date: '2026-03-01' });
    const b = await submitted({ volunteerId: 'y-q', institutionId: 'inst-q', createdAt: '2026-03-02T10:00:00.000Z', date: '2026-03-02' });
    expect((await repo.pendingQueue('inst-q', 10)).map((e) => e.id)).toEqual([a.id, b.id]);
    await approve(a);
    expect((await repo.pendingQueue('inst-q', 10)).map((e) => e.id)).toEqual([b.id]);
    expect((await repo.getEntry(a.id))?.state).toBe('approved');
    expect((await repo.auditOf(a.id)).map((r) => [r.from, r.to])).toEqual([[null, 'pending'], ['pending', 'approved']]);
  });

  it('refuses a second decision on the same entry version with ConflictError and leaves the tally alone', async () => {
    const e = await submitted({ volunteerId: 'y-c', date: '2026-04-01' });
    await approve(e);
    const tallyAfter = await repo.getTally('y-c', 'LV-042', 2026);
    const again = decide(e, { decision: 'reject', reason: 'x' }, 's-2', 'now');
    await expect(repo.transition(again, 'pending', nextTally(tallyAfter, { pending: -60, approved: 0 }, programme, 'now').tally, audit(again, 'pending'), []))
      .rejects.toBeInstanceOf(ConflictError);
    expect(await repo.getTally('y-c', 'LV-042', 2026)).toEqual(tallyAfter);
  });

  it('reports a stale tally as RetryableConflict and writes nothing', async () => {
    const e = await submitted({ volunteerId: 'y-s', date: '2026-04-02' });
    const stale = await repo.getTally('y-s', 'LV-042', 2026);
    await submitted({ volunteerId: 'y-s', date: '2026-04-03' });
    const decided = decide(e, { decision: 'approve' }, 's-1', 'now');
    await expect(repo.transition(decided, 'pending', nextTally(stale, { pending: -60, approved: 60 }, programme, 'now').tally, audit(decided, 'pending'), []))
      .rejects.toBeInstanceOf(RetryableConflict);
    expect((await repo.getEntry(e.id))?.state).toBe('pending');
    expect(await repo.getTally('y-s', 'LV-042', 2026)).toMatchObject({ pendingMinutes: 120, approvedMinutes: 0 });
  });

  it('puts an eligible tally in the sparse eligibility index and takes it out when a reversal drops below', async () => {
    const a = await submitted({ volunteerId: 'y-e', date: '2026-05-01' });
    const b = await submitted({ volunteerId: 'y-e', date: '2026-05-02' });
    await approve(a);
    expect(await repo.eligibleVolunteers('LV-042', 2026)).toEqual([]);
    const { decided, next } = await approve(b);
    expect(next.firstReached).toBe(true);
    expect((await repo.eligibleVolunteers('LV-042', 2026)).map((x) => x.volunteerId)).toEqual(['y-e']);
    const reversed = reverse(decided, 'Kļūda', 'c-1', 'now') as HourEntry;
    const tally = await repo.getTally('y-e', 'LV-042', 2026);
    await repo.transition(reversed, 'approved', nextTally(tally, { pending: 0, approved: -60 }, programme, 'now').tally, audit(reversed, 'approved'), []);
    expect(await gsi3Count('ELIG#LV-042#2026')).toBe(0);
    expect(await repo.getTally('y-e', 'LV-042', 2026)).toMatchObject({ approvedMinutes: 60, eligible: false, thresholdReachedAt: 'now' });
  });

  it('stores an idempotency record with the entry, and refuses the same key again without writing', async () => {
    const e = await submitted({ volunteerId: 'y-i', date: '2026-06-01' }, 'key-1');
    expect(await repo.getIdempotency('y-i', 'key-1')).toEqual({ requestHash: 'h', result: e });
    const tally = await repo.getTally('y-i', 'LV-042', 2026);
    const other = anHourEntry({ id: crypto.randomUUID(), volunteerId: 'y-i', date: '2026-06-02' });
    await expect(repo.createEntry(other, nextTally(tally, { pending: 60, approved: 0 }, programme, 'now').tally, audit(other, null), [], { key: 'key-1', requestHash: 'h2' }))
      .rejects.toBeInstanceOf(IdempotencyKeyTaken);
    expect(await repo.getEntry(other.id)).toBeUndefined();
    expect(await repo.getTally('y-i', 'LV-042', 2026)).toEqual(tally);
  });
});
