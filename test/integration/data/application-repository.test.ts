import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAllocationCeilings } from '../../../lib/data/allocation-ceilings.js';
import { DynamoApplicationRepository } from '../../../lib/data/application-repository.js';
import { keys } from '../../../lib/data/keys.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import { sha256Hex } from '../../../lib/domain/applications/canonical.js';
import { DEFAULT_APPLICATION_POLICY } from '../../../lib/domain/applications/policy.js';
import type { ApplicationVersion } from '../../../lib/domain/applications/types.js';
import { createDraft } from '../../../lib/domain/applications/use-cases/create-draft.js';
import type { ApplicationDeps } from '../../../lib/domain/applications/use-cases/deps.js';
import { reviewApplication } from '../../../lib/domain/applications/use-cases/review-application.js';
import { saveDraft } from '../../../lib/domain/applications/use-cases/save-draft.js';
import { submitApplication } from '../../../lib/domain/applications/use-cases/submit-application.js';
import { aCompleteContent, anApplication, aUser, publishAllocation } from '../../support/applications.js';
import { FakeBlobs, RecordingMailer } from '../../support/application-fakes.js';
import { suiteTable } from '../../support/dynamo.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoApplicationRepository;
let deps: ApplicationDeps;
let n = 0;
const coordinator = aUser('coordinator', 'LV-042', 'c-042');
const agency = aUser('agency', null, 'jspa-1');

beforeAll(async () => {
  t = await suiteTable('apps');
  repo = new DynamoApplicationRepository(t.doc, t.table);
  deps = {
    applications: repo, ceilings: new DynamoAllocationCeilings(t.doc, t.table), mailer: new RecordingMailer(), blobs: new FakeBlobs(),
    clock: { now: () => new Date() }, policy: DEFAULT_APPLICATION_POLICY,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
  // room for every application this suite submits: the allocation is the ceiling of the whole municipality
  await publishAllocation(t.doc, t.table, 'LV-042', 10_000_000, 'run-7');
});
afterAll(async () => t.drop());

describe('DynamoApplicationRepository', () => {
  it('stores and reads an application, refusing a second create with the same id', async () => {
    const app = anApplication({ id: 'a-create' });
    await repo.create(app);
    expect(await repo.get('a-create')).toEqual(app);
    await expect(repo.create(app)).rejects.toThrow(ConflictError);
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('lets exactly one of 10 concurrent saves on the same revision win; the others get 409 and nothing is lost', async () => {
    const app = await createDraft(deps, coordinator, { cohort: 1 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) =>
      saveDraft(deps, coordinator, app.id, { expectedRevision: 1, content: { title: `Versija ${i}` } })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
    const stored = (await repo.get(app.id))!;
    expect(stored.revision).toBe(2);
    expect(stored.content).toEqual((won[0] as PromiseFulfilledResult<{ content: unknown }>).value.content);
    // the losers re-read and save on top: every edit lands, none overwrites another
    const again = await saveDraft(deps, coordinator, app.id, { expectedRevision: 2, content: { ...stored.content, summary: 'papildināts' } });
    expect(again).toMatchObject({ revision: 3, content: { title: stored.content.title, summary: 'papildināts' } });
  });

  it('refuses a save whose revision moved between read and write (the conditional write, not the use case, decides)', async () => {
    const app = anApplication({ id: 'a-race' });
    await repo.create(app);
    await repo.save({ ...app, revision: 2, content: { title: 'A' } }, 1);
    await expect(repo.save({ ...app, revision: 2, content: { title: 'B' } }, 1)).rejects.toThrow(ConflictError);
    expect((await repo.get('a-race'))!.content).toEqual({ title: 'A' });
  });

  it('freezes a submitted version whose hash matches its stored content, and never overwrites it', async () => {
    const app = await createDraft(deps, coordinator, { cohort: 1, content: aCompleteContent() });
    const receipt = await submitApplication(deps, coordinator, app.id, { expectedRevision: 1 });
    const raw = (await t.doc.send(new GetCommand({ TableName: t.table, Key: keys.applicationVersion(app.id, 1) }))).Item!;
    expect(raw).toMatchObject({ pk: `APP#${app.id}`, sk: 'VERSION#0001', entityType: 'ApplicationVersion', sha256: receipt.sha256 });
    expect(sha256Hex(raw.frozen)).toBe(receipt.sha256);

    const head = (await repo.get(app.id))!;
    const forged: ApplicationVersion = { frozen: { ...raw.frozen, content: { title: 'klusi mainīts' } }, sha256: 'f'.repeat(64), submittedAt: head.updatedAt, submittedBy: 'x' };
    await expect(repo.save({ ...head, revision: head.revision + 1 }, head.revision, forged)).rejects.toThrow(ConflictError);
    expect(await repo.getVersion(app.id, 1)).toMatchObject({ sha256: receipt.sha256, frozen: { content: aCompleteContent() } });
    expect((await repo.get(app.id))!.revision).toBe(head.revision); // the head did not move either
  });

  it('keeps version 1 unchanged when a returned application is edited and resubmitted as version 2', async () => {
    const app = await createDraft(deps, coordinator, { cohort: 1, content: aCompleteContent() });
    const first = await submitApplication(deps, coordinator, app.id, { expectedRevision: 1 });
    const v1 = await repo.getVersion(app.id, 1);
    await reviewApplication(deps, agency, app.id, { action: 'startReview' });
    const returned = await reviewApplication(deps, agency, app.id, { action: 'return', comments: [{ field: 'title', comment: 'Precizējiet' }] });
    const edited = await saveDraft(deps, coordinator, app.id, { expectedRevision: returned.revision, content: aCompleteContent({ title: 'Precizēts nosaukums' }) });
    const second = await submitApplication(deps, coordinator, app.id, { expectedRevision: edited.revision }, 'resubmit');
    expect(second.version).toBe(2);
    expect(await repo.getVersion(app.id, 1)).toEqual(v1);
    expect(sha256Hex((await repo.getVersion(app.id, 1))!.frozen)).toBe(first.sha256);
    expect(sha256Hex((await repo.getVersion(app.id, 2))!.frozen)).toBe(second.sha256);
    expect((await repo.listVersions(app.id)).map((v) => [v.frozen.version, v.sha256])).toEqual([[1, first.sha256], [2, second.sha256]]);
  });

  it('lists a municipality’s applications and moves an application between review-queue partitions', async () => {
    const app = await createDraft(deps, aUser('coordinator', 'LV-091', 'c-091'), { cohort: 2 });
    expect((await repo.listByMunicipality('LV-091')).map((a) => a.id)).toEqual([app.id]);
    expect((await repo.listByStatus('draft', 2)).map((a) => a.id)).toContain(app.id);
    expect((await repo.listByStatus('draft', 1)).map((a) => a.id)).not.toContain(app.id);
    await repo.save({ ...app, status: 'submitted', revision: 2, statusChangedAt: new Date().toISOString() }, 1);
    expect((await repo.listByStatus('draft', 2)).map((a) => a.id)).not.toContain(app.id);
    expect((await repo.listByStatus('submitted')).map((a) => a.id)).toContain(app.id);
  });
});

describe('DynamoAllocationCeilings', () => {
  it('reads the published allocation of a municipality, and nothing for one without', async () => {
    const ceilings = new DynamoAllocationCeilings(t.doc, t.table);
    expect(await ceilings.ceilingFor('LV-042')).toEqual({ amountCents: 10_000_000, runId: 'run-7' });
    expect(await ceilings.ceilingFor('LV-RIX')).toBeUndefined();
    await publishAllocation(t.doc, t.table, 'LV-RIX', 9_000_000, 'run-7');
    expect(await ceilings.all()).toEqual(new Map([['LV-042', { amountCents: 10_000_000, runId: 'run-7' }], ['LV-RIX', { amountCents: 9_000_000, runId: 'run-7' }]]));
  });
});
