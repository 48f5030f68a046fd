// Decision links on DynamoDB Local: the link's single-use claim commits in the decision's own transaction, so racing
// POSTs of one link decide once, and a used or expired link writes nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HmacLinkSigner } from '../../../lib/credentials/link-signer.js';
import { DynamoDecisionLinkStore } from '../../../lib/data/decision-link-repository.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { createDecisionLinks, decideByLink, openDecisionLink, type DecisionLinkDeps } from '../../../lib/domain/hours/use-cases/decision-links.js';
import { nextTally } from '../../../lib/domain/hours/rules.js';
import type { User } from '../../../lib/domain/identity/types.js';
import { suiteTable } from '../../support/dynamo.js';
import { aProgramme, anHourEntry, anInstitution } from '../../support/hours-builders.js';

/** Supervisors a coordinator deactivated (the accounts context's invitation records in the wiring). */
const deactivated = new Set<string>();

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoHoursRepository;
let deps: DecisionLinkDeps;
let now = new Date('2026-03-11T08:00:00.000Z');
const supervisor: User = { sub: 's-link', role: 'supervisor', municipality: 'LV-042', institution: 'inst-link', email: null, name: null };

beforeAll(async () => {
  t = await suiteTable('decision-links');
  repo = new DynamoHoursRepository(t.doc, t.table);
  const key = randomBytes(32);
  deps = {
    hours: repo, links: new DynamoDecisionLinkStore(t.doc, t.table), municipalities: { get: async () => undefined },
    clock: { now: () => now }, signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    staff: { isActive: async (sub) => !deactivated.has(sub) },
  };
  await repo.createInstitution(anInstitution({ id: 'inst-link' }));
  await repo.putAssignment({ institutionId: 'inst-link', supervisorId: 's-link', municipality: 'LV-042', assignedAt: '2026-01-01T00:00:00.000Z', assignedBy: 'c-1' });
});
afterAll(async () => t.drop());

async function pendingEntry() {
  const entry = anHourEntry({ id: crypto.randomUUID(), institutionId: 'inst-link', volunteerId: `y-${crypto.randomUUID().slice(0, 6)}` });
  const tally = await repo.getTally(entry.volunteerId, entry.programme, 2026);
  await repo.createEntry(entry, nextTally(tally, { pending: entry.minutes, approved: 0 }, aProgramme(), 'now').tally,
    { entryId: entry.id, at: '2026-03-10T10:00:00.000Z', by: entry.volunteerId, from: null, to: 'pending', reason: null }, []);
  return entry;
}

describe('decision links in DynamoDB', () => {
  it('decide once when the same link is posted many times at once; the others see it used', async () => {
    const entry = await pendingEntry();
    const { approve } = await createDecisionLinks(deps, supervisor, entry);
    const page = await openDecisionLink(deps, approve);
    if (page.state !== 'confirm') throw new Error(page.state);
    const results = await Promise.all(Array.from({ length: 6 }, () => decideByLink(deps, approve, { csrf: page.csrf })));
    expect(results.filter((r) => r.state === 'done')).toHaveLength(1);
    for (const r of results.filter((x) => x.state !== 'done')) expect(['used', 'decided']).toContain(r.state);
    expect(await repo.getEntry(entry.id)).toMatchObject({ state: 'approved', decidedBy: 's-link' });
    expect((await openDecisionLink(deps, approve)).state).toBe('used');
  });

  it('write nothing for an expired link', async () => {
    const entry = await pendingEntry();
    const { approve } = await createDecisionLinks(deps, supervisor, entry);
    const page = await openDecisionLink(deps, approve);
    if (page.state !== 'confirm') throw new Error(page.state);
    now = new Date(now.getTime() + 15 * 86_400_000);
    expect((await decideByLink(deps, approve, { csrf: page.csrf })).state).toBe('expired');
    expect((await repo.getEntry(entry.id))!.state).toBe('pending');
  });
});
