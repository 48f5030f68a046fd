// Staff invitations on DynamoDB Local: one invitation per email under concurrent invites, version-guarded updates,
// the email freed by a revocation, the sub → invitation pointer, the municipality listing and the outbox items.
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoInvitationRepository } from '../../../lib/data/invitation-repository.js';
import { EmailTaken } from '../../../lib/domain/accounts/invitation-ports.js';
import type { Invitation } from '../../../lib/domain/accounts/invitations.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { DomainEvent } from '../../../lib/domain/events.js';
import { suiteTable } from '../../support/dynamo.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoInvitationRepository;

beforeAll(async () => {
  t = await suiteTable('invitations');
  repo = new DynamoInvitationRepository(t.doc, t.table);
});
afterAll(async () => t.drop());

const anInvitation = (overrides: Partial<Invitation> = {}): Invitation => ({
  id: randomUUID(), email: `${randomUUID().slice(0, 8)}@example.lv`, name: 'Ilze', role: 'coordinator', municipality: 'LV-056',
  institutions: [], language: 'lv', invitedBy: 'a-1', invitedAt: new Date().toISOString(), sentAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), nonce: 'n'.repeat(22), status: 'pending', sub: null,
  acceptedAt: null, revokedAt: null, active: true, version: 1, ...overrides,
});
const anEvent = (type: string): DomainEvent => ({ id: randomUUID(), type, source: 'jaunatne.accounts', occurredAt: new Date().toISOString(), detail: {} });

describe('DynamoInvitationRepository', () => {
  it('lets exactly one of 10 concurrent invitations for one email through, with its event', async () => {
    const email = `race-${randomUUID().slice(0, 8)}@example.lv`;
    const attempts = Array.from({ length: 10 }, () => anInvitation({ email }));
    const results = await Promise.allSettled(attempts.map((i) => repo.create(i, [anEvent('StaffInvited')])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const winner = attempts[results.findIndex((r) => r.status === 'fulfilled')]!;
    expect(await repo.get(winner.id)).toEqual(winner);
    const losers = attempts.filter((a) => a !== winner);
    for (const l of losers) expect(await repo.get(l.id)).toBeUndefined();
  });

  it('refuses a stale update and writes none of its events', async () => {
    const invitation = anInvitation();
    await repo.create(invitation, []);
    await repo.update({ ...invitation, name: 'first', version: 2 }, []);
    const stale = anEvent('InvitationResent');
    await expect(repo.update({ ...invitation, name: 'second', version: 2 }, [stale])).rejects.toBeInstanceOf(ConflictError);
    expect((await repo.get(invitation.id))?.name).toBe('first');
    const { Items } = await t.doc.send(new ScanCommand({ TableName: t.table, FilterExpression: 'eventId = :id', ExpressionAttributeValues: { ':id': stale.id } }));
    expect(Items).toEqual([]);
  });

  it('frees the email when an invitation is revoked, and finds an accepted account by its sub', async () => {
    const invitation = anInvitation();
    await repo.create(invitation, []);
    await expect(repo.create(anInvitation({ email: invitation.email }), [])).rejects.toBeInstanceOf(EmailTaken);
    await repo.update({ ...invitation, status: 'revoked', version: 2 }, [], { releaseEmail: true });
    const again = anInvitation({ email: invitation.email });
    await repo.create(again, []);
    await repo.update({ ...again, status: 'accepted', sub: `sub-${again.id}`, version: 2 }, [], { claimSub: true });
    expect((await repo.bySub(`sub-${again.id}`))?.id).toBe(again.id);
    const listed = (await repo.ofMunicipality('LV-056')).map((i) => i.id);
    expect(listed).toEqual(expect.arrayContaining([invitation.id, again.id]));
    expect((await repo.ofMunicipality(null)).map((i) => i.id)).not.toContain(again.id);
  });
});
