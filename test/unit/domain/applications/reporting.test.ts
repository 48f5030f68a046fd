import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_POLICY } from '../../../../lib/domain/applications/policy.js';
import { grantRecords, nationalProgress, summarise, type ApplicationWithVersion } from '../../../../lib/domain/applications/reporting.js';
import type { Application } from '../../../../lib/domain/applications/types.js';
import { MUNICIPALITIES } from '../../../../lib/domain/municipalities/registry.js';
import { aCompleteContent, anApplication } from '../../../support/applications.js';

function row(overrides: Partial<Application>, requested = 1_500_000, team = 6, young = 250): ApplicationWithVersion {
  const app = anApplication(overrides);
  const content = aCompleteContent({ requestedTotalCents: requested, expectedYoungPeople: young, team: Array.from({ length: team }, (_, i) => ({ name: `D${i}`, position: 'p' })) });
  return { app, latest: { frozen: { applicationId: app.id, municipality: app.municipality, cohort: app.cohort, version: 1, content, attachments: [] }, sha256: 'a'.repeat(64), submittedAt: app.createdAt, submittedBy: 'c' } };
}
const approved = (cents: number) => ({ status: 'approved' as const, decision: { outcome: 'approved' as const, approvedAmountCents: cents, decidedAt: '2024-03-15T10:00:00.000Z', decidedBy: 'jspa' } });

describe('per-municipality summary', () => {
  it('shows allocation, requested (not draft, not rejected), approved, pending and headroom per municipality', () => {
    const rows = [
      row({ id: 'a', municipality: 'LV-042', ...approved(1_200_000) }),
      row({ id: 'b', municipality: 'LV-067', status: 'under_review' }, 900_000),
      row({ id: 'c', municipality: 'LV-067', status: 'rejected', decision: { outcome: 'rejected', reasons: ['x'], decidedAt: '2024-03-15T10:00:00.000Z', decidedBy: 'j' } }, 500_000),
    ];
    const allocations = new Map([['LV-042', { amountCents: 2_000_000 }], ['LV-RIX', { amountCents: 9_000_000 }]]);
    expect(summarise(rows, allocations, MUNICIPALITIES)).toEqual([
      { municipality: 'LV-042', name: 'Jēkabpils novads', allocationCents: 2_000_000, requestedCents: 1_500_000, approvedCents: 1_200_000, pendingCents: 0, headroomCents: 800_000, applications: 1 },
      { municipality: 'LV-067', name: 'Ogres novads', allocationCents: null, requestedCents: 900_000, approvedCents: 0, pendingCents: 900_000, headroomCents: null, applications: 2 },
      { municipality: 'LV-RIX', name: 'Rīgas valstspilsēta', allocationCents: 9_000_000, requestedCents: 0, approvedCents: 0, pendingCents: 0, headroomCents: 9_000_000, applications: 0 },
    ]);
  });
});

describe('national progress', () => {
  it('sums young people and team members of approved applications against 10,000 and 300', () => {
    const p = nationalProgress([row({ id: 'a', ...approved(100) }, 1, 8, 4000), row({ id: 'b', municipality: 'LV-RIX', ...approved(200) }, 1, 7, 1000)], DEFAULT_APPLICATION_POLICY);
    expect(p).toEqual({
      youngPeople: { planned: 5000, target: 10_000, percent: 50 },
      youthWorkers: { planned: 15, target: 300, percent: 5 },
      municipalities: { approved: 2, target: 43, percent: 4.7 },
      approvedCents: 300,
    });
  });
});

describe('360Giving export', () => {
  it('renders an approved application as a grant with the municipality as recipient and beneficiary location', () => {
    const [grant] = grantRecords([row({ id: 'app-1', ...approved(1_234_567) })], MUNICIPALITIES);
    expect(grant).toEqual({
      id: '360G-JSPA-app-1',
      title: 'Digitālais jaunatnes darbs Jēkabpils novadā',
      description: aCompleteContent().summary,
      currency: 'EUR',
      amountAwarded: 12345.67,
      amountAppliedFor: 15000,
      awardDate: '2024-03-15',
      plannedDates: [{ startDate: '2024-04-01', endDate: '2026-04-30' }],
      recipientOrganization: [{ id: '360G-JSPA-ORG-LV-042', name: 'Jēkabpils novads' }],
      fundingOrganization: [{ id: '360G-JSPA', name: 'Jaunatnes starptautisko programmu aģentūra' }],
      beneficiaryLocation: [{ name: 'Jēkabpils novads', countryCode: 'LV', geoCode: 'LV-042', geoCodeType: 'ISO3166-2' }],
      grantProgramme: [{ code: 'ANM-DDJ', title: 'Digitālā darba ar jaunatni sistēmas attīstība pašvaldībās' }],
    });
  });

  it('dates the award on the Riga calendar day of the decision', () => {
    const late = { status: 'approved' as const, decision: { outcome: 'approved' as const, approvedAmountCents: 1, decidedAt: '2024-03-15T22:30:00.000Z', decidedBy: 'jspa' } };
    expect(grantRecords([row(late)], MUNICIPALITIES)[0]!.awardDate).toBe('2024-03-16');
  });

  it('leaves out applications that were not approved', () => {
    expect(grantRecords([row({ status: 'under_review' })], MUNICIPALITIES)).toEqual([]);
  });
});
