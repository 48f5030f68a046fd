// The published allocation is the ceiling of the municipality: everything approved or pending counts against it.
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../../../lib/domain/errors.js';
import { createDraft } from '../../../../../lib/domain/applications/use-cases/create-draft.js';
import { municipalitySummary } from '../../../../../lib/domain/applications/use-cases/report-applications.js';
import { reviewApplication } from '../../../../../lib/domain/applications/use-cases/review-application.js';
import { saveDraft } from '../../../../../lib/domain/applications/use-cases/save-draft.js';
import { submitApplication } from '../../../../../lib/domain/applications/use-cases/submit-application.js';
import { aCompleteContent, aUser } from '../../../../support/applications.js';
import { fakeDeps } from '../../../../support/application-fakes.js';

type Fakes = ReturnType<typeof fakeDeps>;
const coordinator = aUser('coordinator', 'LV-042', 'c-042');
const agency = aUser('agency', null, 'jspa-1');

const requesting = (cents: number) => aCompleteContent({
  budgetLines: [{ category: 'training', description: 'Mācības', amountCents: cents }], requestedTotalCents: cents,
});

/** The RuleViolation a promise rejects with (fails the test when it resolves). */
const violation = (p: Promise<unknown>): Promise<RuleViolation> =>
  p.then(() => { throw new Error('expected a rule violation'); }, (e: unknown) => {
    expect(e).toBeInstanceOf(RuleViolation);
    return e as RuleViolation;
  });

async function aDraft(f: Fakes, cents: number, user = coordinator) {
  return createDraft(f.deps, user, { cohort: 1, content: requesting(cents) });
}
async function submitted(f: Fakes, cents: number, user = coordinator) {
  const draft = await aDraft(f, cents, user);
  await submitApplication(f.deps, user, draft.id, { expectedRevision: 1 });
  return draft.id;
}
async function underReview(f: Fakes, cents: number) {
  const id = await submitted(f, cents);
  await reviewApplication(f.deps, agency, id, { action: 'startReview' });
  return id;
}
async function approved(f: Fakes, requested: number, amount = requested) {
  const id = await underReview(f, requested);
  await reviewApplication(f.deps, agency, id, { action: 'approve', approvedAmountCents: amount });
  return id;
}
const submitOf = (f: Fakes, id: string) => f.applications.get(id).then((app) => submitApplication(f.deps, coordinator, id, { expectedRevision: app!.revision }));
const headroomIssue = (v: RuleViolation) => v.issues?.find((i) => i.rule === 'application.exceeds-headroom');

describe('the allocation is the ceiling of the municipality at submit', () => {
  it('refuses a second application that would take the municipality past its allocation, naming the headroom, and writes nothing', async () => {
    const f = fakeDeps(); // LV-042: EUR 20,000.00 published
    await approved(f, 1_200_000);
    const second = await aDraft(f, 1_500_000); // within the allocation on its own, not together with the first

    const v = await violation(submitApplication(f.deps, coordinator, second.id, { expectedRevision: 1 }));
    expect(v.ruleId).toBe('application.not-submittable');
    expect(v.issues).toEqual([{
      field: 'requestedTotalCents', rule: 'application.exceeds-headroom',
      message: {
        lv: 'Pieprasītā summa (15000.00 EUR) pārsniedz pašvaldības atlikušo finansējumu 8000.00 EUR: no piešķirtajiem 20000.00 EUR apstiprināti 12000.00 EUR, izskatīšanā 0.00 EUR',
        en: "The requested total (EUR 15000.00) exceeds the municipality's remaining headroom of EUR 8000.00: of its allocation of EUR 20000.00, EUR 12000.00 is approved and EUR 0.00 pending",
      },
    }]);
    expect(await f.applications.get(second.id)).toMatchObject({ status: 'draft', revision: 1, latestVersion: 0 });
    expect(await f.applications.listVersions(second.id)).toEqual([]);

    // exactly the headroom is accepted
    const fits = await saveDraft(f.deps, coordinator, second.id, { expectedRevision: 1, content: requesting(800_000) });
    await expect(submitApplication(f.deps, coordinator, second.id, { expectedRevision: fits.revision })).resolves.toMatchObject({ version: 1 });
  });

  it('counts submitted, under-review and returned applications as pending; a rejection frees their amount', async () => {
    const f = fakeDeps();
    const first = await submitted(f, 1_200_000);
    const second = await aDraft(f, 900_000);
    const refusedWith = async () => headroomIssue(await violation(submitOf(f, second.id)))?.message.en;

    expect(await refusedWith()).toContain('remaining headroom of EUR 8000.00');
    await reviewApplication(f.deps, agency, first, { action: 'startReview' });
    expect(await refusedWith()).toContain('EUR 12000.00 pending');
    await reviewApplication(f.deps, agency, first, { action: 'return', comments: [{ field: 'summary', comment: 'Precizējiet' }] });
    expect(await refusedWith()).toContain('EUR 12000.00 pending');

    const back = await f.applications.get(first);
    await submitApplication(f.deps, coordinator, first, { expectedRevision: back!.revision }, 'resubmit');
    await reviewApplication(f.deps, agency, first, { action: 'startReview' });
    await reviewApplication(f.deps, agency, first, { action: 'reject', reasons: ['Neatbilst mērķiem'] });
    await expect(submitOf(f, second.id)).resolves.toMatchObject({ version: 1 });
  });

  it('counts a resubmitted application once: its own earlier amount is not held against it', async () => {
    const f = fakeDeps();
    const first = await underReview(f, 1_500_000);
    await reviewApplication(f.deps, agency, first, { action: 'return', comments: [{ field: 'budgetLines', comment: 'Palieliniet' }] });
    const edited = await saveDraft(f.deps, coordinator, first, { expectedRevision: (await f.applications.get(first))!.revision, content: requesting(1_800_000) });
    await submitApplication(f.deps, coordinator, first, { expectedRevision: edited.revision }, 'resubmit');

    // 18,000 pending: a second application of 3,000 no longer fits (headroom 2,000)
    const second = await aDraft(f, 300_000);
    expect(headroomIssue(await violation(submitOf(f, second.id)))?.message.en).toContain('remaining headroom of EUR 2000.00');

    // a resubmit that grows past what is left for it is refused too, and the earlier version stays the latest
    await reviewApplication(f.deps, agency, first, { action: 'startReview' });
    await reviewApplication(f.deps, agency, first, { action: 'return', comments: [{ field: 'budgetLines', comment: 'Vēl' }] });
    const grown = await saveDraft(f.deps, coordinator, first, { expectedRevision: (await f.applications.get(first))!.revision, content: requesting(2_000_001) });
    const v = await violation(submitApplication(f.deps, coordinator, first, { expectedRevision: grown.revision }, 'resubmit'));
    expect(v.issues?.map((i) => i.rule)).toEqual(['application.exceeds-allocation']);
    expect(await f.applications.get(first)).toMatchObject({ status: 'returned', latestVersion: 2 });
  });

  it('frees what an approval leaves unspent and ignores other municipalities', async () => {
    const f = fakeDeps();
    f.ceilings.lines.set('LV-RIX', { amountCents: 10_000_000, runId: 'run-1' });
    await approved(f, 1_500_000, 1_000_000);
    await submitted(f, 5_000_000, aUser('coordinator', 'LV-RIX', 'c-rix'));
    const second = await aDraft(f, 1_000_000);
    await expect(submitOf(f, second.id)).resolves.toMatchObject({ version: 1 });
  });
});

describe('a municipality whose applications predate the running total', () => {
  it('seeds the running total from the stored applications before the first check', async () => {
    const f = fakeDeps();
    await approved(f, 1_200_000);
    f.applications.funding.clear(); // as stored before running totals existed
    const second = await aDraft(f, 900_000);
    expect(headroomIssue(await violation(submitOf(f, second.id)))?.message.en).toContain('remaining headroom of EUR 8000.00');
    const fits = await saveDraft(f.deps, coordinator, second.id, { expectedRevision: 1, content: requesting(800_000) });
    await submitApplication(f.deps, coordinator, second.id, { expectedRevision: fits.revision });
    expect(await f.applications.getFunding('LV-042')).toEqual({ municipality: 'LV-042', approvedCents: 1_200_000, pendingCents: 800_000, version: 1 });
  });
});

describe('the allocation is the ceiling of the municipality at approval', () => {
  it('refuses an approval that takes the approved amounts past a lowered allocation, naming what is left, and writes nothing', async () => {
    const f = fakeDeps();
    const a = await underReview(f, 1_000_000);
    const b = await underReview(f, 1_000_000);
    f.ceilings.lines.set('LV-042', { amountCents: 1_500_000, runId: 'run-2' }); // JSPA published a lower allocation
    await reviewApplication(f.deps, agency, a, { action: 'approve', approvedAmountCents: 1_000_000 });
    const before = await f.applications.get(b);

    const v = await violation(reviewApplication(f.deps, agency, b, { action: 'approve', approvedAmountCents: 1_000_000 }));
    expect(v.ruleId).toBe('application.approval-exceeds-headroom');
    expect(v.field).toBe('approvedAmountCents');
    expect(v.title.lv).toBe('Apstiprinātā summa (10000.00 EUR) pārsniedz pašvaldības atlikušo finansējumu 5000.00 EUR: no piešķirtajiem 15000.00 EUR jau apstiprināti 10000.00 EUR');
    expect(await f.applications.get(b)).toEqual(before);

    await expect(reviewApplication(f.deps, agency, b, { action: 'approve', approvedAmountCents: 500_000 })).resolves.toMatchObject({ status: 'approved' });
  });
});

describe('the municipality summary', () => {
  it('shows approved, pending, the allocation and the headroom in cents', async () => {
    const f = fakeDeps();
    await approved(f, 1_200_000, 1_000_000);
    await submitted(f, 500_000);
    await aDraft(f, 300_000); // drafts hold nothing
    const { items } = await municipalitySummary(f.deps, agency);
    expect(items.find((i) => i.municipality === 'LV-042')).toEqual({
      municipality: 'LV-042', name: 'Jēkabpils novads', allocationCents: 2_000_000,
      requestedCents: 1_700_000, approvedCents: 1_000_000, pendingCents: 500_000, headroomCents: 500_000, applications: 2,
    });
  });
});
