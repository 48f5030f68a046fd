// Reporting over applications: per-municipality money, national progress against the targets, 360Giving grants.
import { rigaDate } from '../clock.js';
import type { Municipality } from '../municipalities/types.js';
import { headroomCents, heldByAll } from './funding.js';
import { GRANT_PROGRAMME, type ApplicationPolicy } from './policy.js';
import type { Application, ApplicationVersion } from './types.js';

export interface MunicipalitySummary {
  municipality: string;
  name: string;
  allocationCents: number | null;
  /** Requested totals of the latest submitted versions of every application past draft and not rejected. */
  requestedCents: number;
  approvedCents: number;
  /** Requested totals of the applications awaiting a decision (submitted, under review, returned, resubmitted). */
  pendingCents: number;
  /** What is left for further applications: allocation − approved − pending (negative when a lower allocation was published later); null without an allocation. */
  headroomCents: number | null;
  applications: number;
}

/** An application with its latest frozen version (undefined while it was never submitted). */
export interface ApplicationWithVersion {
  app: Application;
  latest: ApplicationVersion | undefined;
}

export function summarise(
  rows: readonly ApplicationWithVersion[],
  allocations: ReadonlyMap<string, { amountCents: number }>,
  municipalities: readonly Municipality[],
): MunicipalitySummary[] {
  const codes = new Set([...allocations.keys(), ...rows.map((r) => r.app.municipality)]);
  return [...codes].sort().map((code) => {
    const own = rows.filter((r) => r.app.municipality === code);
    const held = heldByAll(own);
    const allocation = allocations.get(code)?.amountCents;
    return {
      municipality: code,
      name: municipalities.find((m) => m.code === code)?.name ?? code,
      allocationCents: allocation ?? null,
      requestedCents: own.filter((r) => r.app.status !== 'draft' && r.app.status !== 'rejected')
        .reduce((s, r) => s + (r.latest?.frozen.content.requestedTotalCents ?? 0), 0),
      approvedCents: held.approvedCents,
      pendingCents: held.pendingCents,
      headroomCents: allocation === undefined ? null : headroomCents(allocation, held),
      applications: own.length,
    };
  });
}

export interface NationalProgress {
  youngPeople: { planned: number; target: number; percent: number };
  youthWorkers: { planned: number; target: number; percent: number };
  municipalities: { approved: number; target: number; percent: number };
  approvedCents: number;
}

const pct = (n: number, target: number) => Math.round((n / target) * 1000) / 10;

/** From approved applications only: young people they plan to reach, youth workers in their teams. */
export function nationalProgress(approved: readonly ApplicationWithVersion[], policy: ApplicationPolicy): NationalProgress {
  const content = approved.map((r) => r.latest?.frozen.content ?? r.app.content);
  const youngPeople = content.reduce((s, c) => s + (c.expectedYoungPeople ?? 0), 0);
  const youthWorkers = content.reduce((s, c) => s + (c.team?.length ?? 0), 0);
  const municipalities = new Set(approved.map((r) => r.app.municipality)).size;
  return {
    youngPeople: { planned: youngPeople, target: policy.targets.youngPeople, percent: pct(youngPeople, policy.targets.youngPeople) },
    youthWorkers: { planned: youthWorkers, target: policy.targets.youthWorkers, percent: pct(youthWorkers, policy.targets.youthWorkers) },
    municipalities: { approved: municipalities, target: policy.targets.municipalities, percent: pct(municipalities, policy.targets.municipalities) },
    approvedCents: approved.reduce((s, r) => s + (r.app.decision?.outcome === 'approved' ? r.app.decision.approvedAmountCents : 0), 0),
  };
}

/** One grant in the 360Giving Data Standard's JSON shape (amounts in euros, 2 decimals). */
export interface GrantRecord {
  id: string;
  title: string;
  description: string;
  currency: 'EUR';
  amountAwarded: number;
  amountAppliedFor: number;
  awardDate: string;
  plannedDates: { startDate: string; endDate: string }[];
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
  beneficiaryLocation: { name: string; countryCode: 'LV'; geoCode: string; geoCodeType: 'ISO3166-2' }[];
  grantProgramme: { code: string; title: string }[];
}

const euros = (cents: number) => Math.round(cents) / 100;

/** Approved applications as 360Giving grants; rejected ones are decisions, not grants, and are left out. */
export function grantRecords(approved: readonly ApplicationWithVersion[], municipalities: readonly Municipality[]): GrantRecord[] {
  return approved.flatMap(({ app, latest }) => {
    if (app.decision?.outcome !== 'approved') return [];
    const content = latest?.frozen.content ?? app.content;
    const name = municipalities.find((m) => m.code === app.municipality)?.name ?? app.municipality;
    const starts = (content.activities ?? []).map((a) => a.startDate).sort();
    const ends = (content.activities ?? []).map((a) => a.endDate).sort();
    return [{
      id: `${GRANT_PROGRAMME.idPrefix}${app.id}`,
      title: content.title ?? '',
      description: content.summary ?? '',
      currency: 'EUR' as const,
      amountAwarded: euros(app.decision.approvedAmountCents),
      amountAppliedFor: euros(content.requestedTotalCents ?? 0),
      awardDate: rigaDate(new Date(app.decision.decidedAt)), // the decision's calendar day in Riga
      plannedDates: starts.length ? [{ startDate: starts[0]!, endDate: ends[ends.length - 1]! }] : [],
      recipientOrganization: [{ id: `${GRANT_PROGRAMME.idPrefix}ORG-${app.municipality}`, name }],
      fundingOrganization: [{ ...GRANT_PROGRAMME.funder }],
      beneficiaryLocation: [{ name, countryCode: 'LV' as const, geoCode: app.municipality, geoCodeType: 'ISO3166-2' as const }],
      grantProgramme: [{ ...GRANT_PROGRAMME.programme }],
    }];
  });
}
