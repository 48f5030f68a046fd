import { describe, expect, it } from 'vitest';
import { assertApprovalFits, heldBy, heldByAll, moveFunding, PENDING_STATUSES } from '../../../../lib/domain/applications/funding.js';
import { STATUSES, type Application, type ApplicationVersion } from '../../../../lib/domain/applications/types.js';
import { aCompleteContent, anApplication } from '../../../support/applications.js';

const version = (requested: number): Pick<ApplicationVersion, 'frozen'> => ({
  frozen: { applicationId: 'a', municipality: 'LV-042', cohort: 1, version: 1, content: aCompleteContent({ requestedTotalCents: requested }), attachments: [] },
});
const decided = (cents: number): Partial<Application> => ({ status: 'approved', decision: { outcome: 'approved', approvedAmountCents: cents, decidedAt: '2024-03-01T10:00:00.000Z', decidedBy: 'j' } });

describe('what an application holds of its municipality’s allocation', () => {
  it.each(STATUSES.filter((s) => s !== 'approved'))('an application that is %s', (status) => {
    const held = heldBy(anApplication({ status }), version(900_000));
    expect(held).toEqual(PENDING_STATUSES.includes(status) ? { approvedCents: 0, pendingCents: 900_000 } : { approvedCents: 0, pendingCents: 0 });
  });

  it('holds its approved amount once approved, not what it requested', () => {
    expect(heldBy(anApplication(decided(600_000)), version(900_000))).toEqual({ approvedCents: 600_000, pendingCents: 0 });
  });

  it('sums every application and moves the running total by the difference one transition makes', () => {
    const rows = [
      { app: anApplication(decided(600_000)), latest: version(900_000) },
      { app: anApplication({ status: 'returned' }), latest: version(300_000) },
      { app: anApplication({ status: 'rejected' }), latest: version(5_000_000) },
    ];
    expect(heldByAll(rows)).toEqual({ approvedCents: 600_000, pendingCents: 300_000 });
    const total = { municipality: 'LV-042', approvedCents: 600_000, pendingCents: 300_000, version: 7 };
    expect(moveFunding(total, { approvedCents: 0, pendingCents: 300_000 }, { approvedCents: 250_000, pendingCents: 0 }))
      .toEqual({ municipality: 'LV-042', approvedCents: 850_000, pendingCents: 0, version: 8 });
    expect(moveFunding(total, { approvedCents: 0, pendingCents: 300_000 }, { approvedCents: 0, pendingCents: 300_000 })).toBeUndefined();
  });
});

describe('the approval rule', () => {
  it.each([
    ['fits exactly what the other approvals leave', 500_000, 1_500_000, undefined],
    ['passes it by one cent', 500_001, 1_500_000, 'application.approval-exceeds-headroom'],
  ])('%s', (_, amount, othersApproved, rule) => {
    const run = () => assertApprovalFits(amount, 2_000_000, othersApproved);
    if (rule) expect(run).toThrow(expect.objectContaining({ ruleId: rule, field: 'approvedAmountCents' }));
    else expect(run).not.toThrow();
  });

  it('approves nothing while no allocation is published', () => {
    expect(() => assertApprovalFits(1, undefined, 0)).toThrow(expect.objectContaining({ ruleId: 'application.no-published-allocation' }));
  });
});
