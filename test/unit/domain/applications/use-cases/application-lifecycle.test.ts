import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../../../../../lib/domain/errors.js';
import { sha256Hex } from '../../../../../lib/domain/applications/canonical.js';
import { requestAttachmentUpload } from '../../../../../lib/domain/applications/use-cases/attachments.js';
import { createDraft } from '../../../../../lib/domain/applications/use-cases/create-draft.js';
import { diffVersions, getApplication, listMunicipalityApplications, listVersions, reviewQueue } from '../../../../../lib/domain/applications/use-cases/read-applications.js';
import { reviewApplication } from '../../../../../lib/domain/applications/use-cases/review-application.js';
import { saveDraft } from '../../../../../lib/domain/applications/use-cases/save-draft.js';
import { submitApplication } from '../../../../../lib/domain/applications/use-cases/submit-application.js';
import { aCompleteContent, aUser } from '../../../../support/applications.js';
import { fakeDeps } from '../../../../support/application-fakes.js';

const coordinator = aUser('coordinator', 'LV-042', 'c-042');
const otherCoordinator = aUser('coordinator', 'LV-RIX', 'c-rix');
const agency = aUser('agency', null, 'jspa-1');

/** The RuleViolation a promise rejects with (fails the test when it resolves). */
const violation = (p: Promise<unknown>): Promise<RuleViolation> =>
  p.then(() => { throw new Error('expected a rule violation'); }, (e: unknown) => {
    expect(e).toBeInstanceOf(RuleViolation);
    return e as RuleViolation;
  });

async function aSubmitted() {
  const f = fakeDeps();
  const draft = await createDraft(f.deps, coordinator, { cohort: 1, content: aCompleteContent() });
  const receipt = await submitApplication(f.deps, coordinator, draft.id, { expectedRevision: 1 });
  return { ...f, id: draft.id, receipt };
}

describe('creating and saving drafts', () => {
  it('opens a draft for the coordinator’s own municipality at revision 1', async () => {
    const { deps } = fakeDeps();
    const app = await createDraft(deps, coordinator, { cohort: 2 });
    expect(app).toMatchObject({ municipality: 'LV-042', cohort: 2, status: 'draft', revision: 1, latestVersion: 0, content: {} });
  });

  it('refuses a draft by the agency or by a coordinator without a municipality', async () => {
    const { deps } = fakeDeps();
    await expect(createDraft(deps, agency, { cohort: 1 })).rejects.toThrow(ForbiddenError);
    await expect(createDraft(deps, aUser('coordinator', null), { cohort: 1 })).rejects.toThrow(ForbiddenError);
  });

  it('saves half-done content and bumps the revision', async () => {
    const { deps } = fakeDeps();
    const app = await createDraft(deps, coordinator, { cohort: 1 });
    const saved = await saveDraft(deps, coordinator, app.id, { expectedRevision: 1, content: { title: 'Melnraksts' } });
    expect(saved).toMatchObject({ revision: 2, content: { title: 'Melnraksts' } });
  });

  it('refuses a stale save with 409 and keeps the winner’s content', async () => {
    const { deps, applications } = fakeDeps();
    const app = await createDraft(deps, coordinator, { cohort: 1 });
    await saveDraft(deps, coordinator, app.id, { expectedRevision: 1, content: { title: 'Pirmais' } });
    await expect(saveDraft(deps, coordinator, app.id, { expectedRevision: 1, content: { title: 'Otrais' } })).rejects.toThrow(ConflictError);
    expect((await applications.get(app.id))!.content.title).toBe('Pirmais');
  });

  it('refuses a coordinator of another municipality with 403, and an unknown id with 404', async () => {
    const { deps } = fakeDeps();
    const app = await createDraft(deps, coordinator, { cohort: 1 });
    await expect(saveDraft(deps, otherCoordinator, app.id, { expectedRevision: 1, content: {} })).rejects.toThrow(ForbiddenError);
    await expect(getApplication(deps, otherCoordinator, app.id)).rejects.toThrow(ForbiddenError);
    await expect(listMunicipalityApplications(deps, otherCoordinator, 'LV-042')).rejects.toThrow(ForbiddenError);
    await expect(getApplication(deps, coordinator, '00000000-0000-4000-8000-999999999999')).rejects.toThrow(NotFoundError);
  });
});

describe('submitting', () => {
  it('freezes version 1 and returns a receipt whose hash is the SHA-256 of the frozen content', async () => {
    const { applications, id, receipt } = await aSubmitted();
    const frozen = (await applications.getVersion(id, 1))!;
    expect(receipt).toMatchObject({ applicationId: id, version: 1, sha256: frozen.sha256, submittedAt: frozen.submittedAt, emailed: true });
    expect(sha256Hex(frozen.frozen)).toBe(receipt.sha256);
    expect(frozen.frozen.content).toEqual(aCompleteContent());
    expect(await applications.get(id)).toMatchObject({ status: 'submitted', latestVersion: 1, revision: 2 });
  });

  it('freezes the attachments whose bytes arrived, and leaves out announced-only or mismatching ones', async () => {
    const f = fakeDeps();
    const draft = await createDraft(f.deps, coordinator, { cohort: 1, content: aCompleteContent() });
    const att = (id: string, sizeBytes: number) => ({
      id, applicationId: draft.id, kind: 'budget-estimate' as const, filename: `${id}.pdf`, contentType: 'application/pdf' as const, sizeBytes,
      blobKey: `applications/${draft.id}/${id}`, requestedAt: '2024-02-01T09:00:00.000Z', requestedBy: 'c-042',
    });
    for (const a of [att('b-uploaded', 10), att('a-announced', 10), att('c-wrong-size', 10)]) await f.applications.putAttachment(a);
    f.blobs.blobs.set(`applications/${draft.id}/b-uploaded`, { contentType: 'application/pdf', sizeBytes: 10 });
    f.blobs.blobs.set(`applications/${draft.id}/c-wrong-size`, { contentType: 'application/pdf', sizeBytes: 11 });
    const receipt = await submitApplication(f.deps, coordinator, draft.id, { expectedRevision: 1 });
    const v1 = (await f.applications.getVersion(draft.id, 1))!;
    expect(v1.frozen.attachments).toEqual([{ id: 'b-uploaded', kind: 'budget-estimate', filename: 'b-uploaded.pdf', contentType: 'application/pdf', sizeBytes: 10 }]);
    expect(sha256Hex(v1.frozen)).toBe(receipt.sha256);
  });

  it('emails the receipt in Latvian and English to the contact person', async () => {
    const { mailer, receipt } = await aSubmitted();
    expect(mailer.sent).toHaveLength(1);
    const mail = mailer.sent[0]!;
    expect(mail.to).toBe('anna.ozola@jekabpils.lv');
    expect(mail.subject).toBe('Pieteikums saņemts — versija 1: Digitālais jaunatnes darbs Jēkabpils novadā');
    expect(mail.text).toContain(`SHA-256 kontrolsumma: ${receipt.sha256}`);
    expect(mail.text).toContain(`Version: 1`);
  });

  it('keeps the submission when the receipt email fails, and says so', async () => {
    const f = fakeDeps();
    f.mailer.failing = true;
    const draft = await createDraft(f.deps, coordinator, { cohort: 1, content: aCompleteContent() });
    const receipt = await submitApplication(f.deps, coordinator, draft.id, { expectedRevision: 1 });
    expect(receipt.emailed).toBe(false);
    expect(f.mailErrors).toHaveLength(1);
    expect((await f.applications.get(draft.id))!.status).toBe('submitted');
  });

  it('refuses an incomplete application with every issue and writes nothing', async () => {
    const f = fakeDeps();
    const draft = await createDraft(f.deps, coordinator, { cohort: 1, content: { title: 'Tikai nosaukums' } });
    const error = await submitApplication(f.deps, coordinator, draft.id, { expectedRevision: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).issues!.length).toBeGreaterThan(5);
    expect((await f.applications.get(draft.id))!.status).toBe('draft');
    expect(await f.applications.listVersions(draft.id)).toEqual([]);
    expect(f.mailer.sent).toEqual([]);
  });

  it('refuses a submission above the published allocation, and one with none published', async () => {
    const f = fakeDeps();
    const draft = await createDraft(f.deps, coordinator, { cohort: 1, content: aCompleteContent() });
    f.ceilings.lines.set('LV-042', { amountCents: 1_000_000, runId: 'run-2' });
    const above = await violation(submitApplication(f.deps, coordinator, draft.id, { expectedRevision: 1 }));
    expect(above.issues!.map((i) => i.rule)).toEqual(['application.exceeds-allocation']);
    f.ceilings.lines.clear();
    const none = await violation(submitApplication(f.deps, coordinator, draft.id, { expectedRevision: 1 }));
    expect(none.issues!.map((i) => i.rule)).toEqual(['application.no-published-allocation']);
  });

  it('refuses a submit on a stale revision, and a second submit with 409', async () => {
    const { deps, id } = await aSubmitted();
    await expect(submitApplication(deps, coordinator, id, { expectedRevision: 2 })).rejects.toThrow(ConflictError);
  });
});

describe('review and versions', () => {
  it('walks submit → review → return → edit → resubmit → review → approve, freezing a new version and never changing the old', async () => {
    const { deps, applications, id, receipt } = await aSubmitted();
    const v1 = await applications.getVersion(id, 1);
    expect((await reviewQueue(deps, agency, {})).map((a) => a.id)).toEqual([id]);
    await reviewApplication(deps, agency, id, { action: 'startReview' });
    const returned = await reviewApplication(deps, agency, id, { action: 'return', comments: [{ field: 'budgetLines.1.amountCents', comment: 'Pārāk dārgi' }] });
    expect(returned.reviewRounds).toEqual([expect.objectContaining({ version: 1, comments: [{ field: 'budgetLines.1.amountCents', comment: 'Pārāk dārgi' }] })]);

    const content = aCompleteContent({
      budgetLines: [{ category: 'training', description: 'Mācību materiāli', amountCents: 500_000 }, { category: 'digital-equipment', description: 'Planšetdatori', amountCents: 800_000 }],
      requestedTotalCents: 1_300_000,
    });
    const edited = await saveDraft(deps, coordinator, id, { expectedRevision: returned.revision, content });
    expect(edited.status).toBe('returned');
    const second = await submitApplication(deps, coordinator, id, { expectedRevision: edited.revision }, 'resubmit');
    expect(second.version).toBe(2);
    expect(second.sha256).not.toBe(receipt.sha256);
    expect(await applications.getVersion(id, 1)).toEqual(v1);
    expect(sha256Hex((await applications.getVersion(id, 1))!.frozen)).toBe(receipt.sha256);
    expect((await listVersions(deps, agency, id)).map((v) => v.frozen.version)).toEqual([1, 2]);

    const diff = await diffVersions(deps, agency, id, 1, 2);
    expect(diff.changes).toEqual([
      { field: 'budgetLines.1.amountCents', change: 'changed', before: 1_000_000, after: 800_000 },
      { field: 'requestedTotalCents', change: 'changed', before: 1_500_000, after: 1_300_000 },
    ]);

    await reviewApplication(deps, agency, id, { action: 'startReview' });
    await expect(reviewApplication(deps, agency, id, { action: 'approve', approvedAmountCents: 1_300_001 })).rejects.toThrow(RuleViolation);
    const approved = await reviewApplication(deps, agency, id, { action: 'approve', approvedAmountCents: 1_200_000 });
    expect(approved.decision).toMatchObject({ outcome: 'approved', approvedAmountCents: 1_200_000, decidedBy: 'jspa-1' });
    await expect(reviewApplication(deps, agency, id, { action: 'reject', reasons: ['x'] })).rejects.toThrow(ConflictError);
  });

  it('refuses review comments on fields the application does not have', async () => {
    const { deps, id } = await aSubmitted();
    await reviewApplication(deps, agency, id, { action: 'startReview' });
    const error = await violation(reviewApplication(deps, agency, id, { action: 'return', comments: [{ field: 'title', comment: 'ok' }, { field: 'colour', comment: '?' }] }));
    expect(error.issues).toEqual([expect.objectContaining({ field: 'comments.1.field', rule: 'application.comment-field-unknown' })]);
  });

  it('lets only the agency review, decide and see the queue', async () => {
    const { deps, id } = await aSubmitted();
    await expect(reviewApplication(deps, coordinator, id, { action: 'startReview' })).rejects.toThrow(ForbiddenError);
    await expect(reviewQueue(deps, coordinator, {})).rejects.toThrow(ForbiddenError);
    await reviewApplication(deps, agency, id, { action: 'startReview' });
    await expect(reviewApplication(deps, coordinator, id, { action: 'approve', approvedAmountCents: 1 })).rejects.toThrow(ForbiddenError);
  });
});

describe('attachments', () => {
  it('refuses the 101st attachment of an application (each uploaded one is frozen into every version, which must fit one item)', async () => {
    const f = fakeDeps();
    const blobs = {
      head: (key: string) => f.blobs.head(key),
      presignUpload: async () => ({ url: 'http://files.local/u', method: 'PUT' as const, headers: {}, expiresAt: '2024-02-01T09:05:00.000Z' }),
      presignDownload: async () => ({ url: 'http://files.local/d', expiresAt: '2024-02-01T09:05:00.000Z' }),
    };
    const deps = { ...f.deps, blobs, blobKey: (id: string, attachmentId: string) => `applications/${id}/${attachmentId}` };
    const draft = await createDraft(f.deps, coordinator, { cohort: 1 });
    const ask = () => requestAttachmentUpload(deps, coordinator, draft.id, { kind: 'other', filename: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10 });
    for (let i = 0; i < 100; i++) await ask();
    const refused = await violation(ask());
    expect(refused.ruleId).toBe('attachment.too-many');
    expect(await f.applications.listAttachments(draft.id)).toHaveLength(100);
  });
});
