// The municipality's running total on DynamoDB Local: concurrent submits and approvals never take it past the allocation.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAllocationCeilings } from '../../../lib/data/allocation-ceilings.js';
import { DynamoApplicationRepository } from '../../../lib/data/application-repository.js';
import { keys } from '../../../lib/data/keys.js';
import { RuleViolation } from '../../../lib/domain/errors.js';
import { DEFAULT_APPLICATION_POLICY } from '../../../lib/domain/applications/policy.js';
import { RunningTotalChanged } from '../../../lib/domain/applications/ports.js';
import { createDraft } from '../../../lib/domain/applications/use-cases/create-draft.js';
import type { ApplicationDeps } from '../../../lib/domain/applications/use-cases/deps.js';
import { reviewApplication } from '../../../lib/domain/applications/use-cases/review-application.js';
import { submitApplication } from '../../../lib/domain/applications/use-cases/submit-application.js';
import { aCompleteContent, aUser, publishAllocation } from '../../support/applications.js';
import { FakeBlobs, RecordingMailer } from '../../support/application-fakes.js';
import { suiteTable } from '../../support/dynamo.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoApplicationRepository;
let deps: ApplicationDeps;
let n = 0;
const agency = aUser('agency', null, 'jspa-1');
const EUR_10K = 1_000_000;

beforeAll(async () => {
  t = await suiteTable('funding');
  repo = new DynamoApplicationRepository(t.doc, t.table);
  deps = {
    applications: repo, ceilings: new DynamoAllocationCeilings(t.doc, t.table), mailer: new RecordingMailer(), blobs: new FakeBlobs(),
    clock: { now: () => new Date() }, policy: DEFAULT_APPLICATION_POLICY,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
});
afterAll(async () => t.drop());

const requesting = (cents: number) => aCompleteContent({ budgetLines: [{ category: 'training', description: 'Mācības', amountCents: cents }], requestedTotalCents: cents });
const drafts = (municipality: string, count: number, cents: number) => Promise.all(Array.from({ length: count }, () =>
  createDraft(deps, aUser('coordinator', municipality, `c-${municipality}`), { cohort: 1, content: requesting(cents) })));
const runningTotal = async (municipality: string) =>
  (await t.doc.send(new GetCommand({ TableName: t.table, Key: keys.municipalityFunding(municipality), ConsistentRead: true }))).Item;
const reasons = (results: PromiseSettledResult<unknown>[]) => results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));

describe('the per-municipality running total under concurrency', () => {
  it('lets 10 concurrent submits of EUR 10,000 under a EUR 65,000 allocation reserve exactly 6; the 4 others are refused naming the headroom', async () => {
    await publishAllocation(t.doc, t.table, 'LV-067', 6_500_000);
    const coordinator = aUser('coordinator', 'LV-067', 'c-LV-067');
    const apps = await drafts('LV-067', 10, EUR_10K);

    const results = await Promise.allSettled(apps.map((a) => submitApplication(deps, coordinator, a.id, { expectedRevision: 1 })));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    const refused = reasons(results);
    expect(refused).toHaveLength(4);
    for (const e of refused) {
      expect(e).toBeInstanceOf(RuleViolation);
      expect((e as RuleViolation).issues).toEqual([expect.objectContaining({ rule: 'application.exceeds-headroom', message: expect.objectContaining({ en: expect.stringContaining('remaining headroom of EUR 5000.00') }) })]);
    }
    expect(await runningTotal('LV-067')).toMatchObject({ municipality: 'LV-067', approvedCents: 0, pendingCents: 6_000_000 });
    const heads = await repo.listByMunicipality('LV-067');
    expect(heads.filter((a) => a.status === 'submitted')).toHaveLength(6);
    expect(heads.filter((a) => a.status === 'draft' && a.latestVersion === 0)).toHaveLength(4);
  });

  it('lets 10 concurrent approvals that together pass a lowered allocation approve only those that fit; the total never passes it', async () => {
    await publishAllocation(t.doc, t.table, 'LV-068', 10 * EUR_10K);
    const coordinator = aUser('coordinator', 'LV-068', 'c-LV-068');
    const apps = await drafts('LV-068', 10, EUR_10K);
    for (const a of apps) {
      await submitApplication(deps, coordinator, a.id, { expectedRevision: 1 });
      await reviewApplication(deps, agency, a.id, { action: 'startReview' });
    }
    expect(await runningTotal('LV-068')).toMatchObject({ approvedCents: 0, pendingCents: 10 * EUR_10K });
    await publishAllocation(t.doc, t.table, 'LV-068', 6_500_000, 'run-lower'); // JSPA republishes a lower amount

    const results = await Promise.allSettled(apps.map((a) => reviewApplication(deps, agency, a.id, { action: 'approve', approvedAmountCents: EUR_10K })));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    const refused = reasons(results);
    expect(refused).toHaveLength(4);
    for (const e of refused) expect(e).toMatchObject({ ruleId: 'application.approval-exceeds-headroom', field: 'approvedAmountCents' });
    const heads = await repo.listByMunicipality('LV-068');
    const approvedSum = heads.reduce((s, a) => s + (a.decision?.outcome === 'approved' ? a.decision.approvedAmountCents : 0), 0);
    expect(approvedSum).toBe(6_000_000);
    expect(heads.filter((a) => a.status === 'under_review')).toHaveLength(4);
    expect(await runningTotal('LV-068')).toMatchObject({ approvedCents: 6_000_000, pendingCents: 4 * EUR_10K });
  });

  it('writes nothing when an approval is refused: the running total keeps its version', async () => {
    await publishAllocation(t.doc, t.table, 'LV-073', 2 * EUR_10K);
    const coordinator = aUser('coordinator', 'LV-073', 'c-LV-073');
    const [a, b] = await drafts('LV-073', 2, EUR_10K);
    for (const app of [a!, b!]) {
      await submitApplication(deps, coordinator, app.id, { expectedRevision: 1 });
      await reviewApplication(deps, agency, app.id, { action: 'startReview' });
    }
    await publishAllocation(t.doc, t.table, 'LV-073', EUR_10K, 'run-lower');
    await reviewApplication(deps, agency, a!.id, { action: 'approve', approvedAmountCents: EUR_10K });
    const before = await runningTotal('LV-073');
    const headBefore = await repo.get(b!.id);
    await expect(reviewApplication(deps, agency, b!.id, { action: 'approve', approvedAmountCents: 1 })).rejects.toMatchObject({ ruleId: 'application.approval-exceeds-headroom' });
    expect(await runningTotal('LV-073')).toEqual(before);
    expect(await repo.get(b!.id)).toEqual(headBefore);
  });

  it('refuses a running total that moved since it was read (the conditional write, not the use case, decides)', async () => {
    await publishAllocation(t.doc, t.table, 'LV-077', 5 * EUR_10K);
    const coordinator = aUser('coordinator', 'LV-077', 'c-LV-077');
    const [a] = await drafts('LV-077', 1, EUR_10K);
    await submitApplication(deps, coordinator, a!.id, { expectedRevision: 1 });
    const funding = await repo.getFunding('LV-077');
    const head = (await repo.get(a!.id))!;
    const next = { ...head, status: 'under_review' as const, revision: head.revision + 1 };
    // a stale running total (one version behind) is refused and the head stays as it was
    await expect(repo.save(next, head.revision, undefined, { ...funding!, version: funding!.version })).rejects.toBeInstanceOf(RunningTotalChanged);
    expect(await repo.get(a!.id)).toEqual(head);
  });
});
