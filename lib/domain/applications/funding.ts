// The municipality's running total (approved + pending) against its published allocation, the ceiling of the whole municipality.
import { RuleViolation } from '../errors.js';
import { eur } from './money.js';
import type { Application, ApplicationStatus, ApplicationVersion } from './types.js';

/**
 * Statuses whose requested total is held against the allocation until the agency decides. A returned
 * application keeps its hold: the agency asked for changes, not for the money back, and a second
 * application must not take the headroom while the first is being revised. Drafts and rejected ones hold nothing.
 */
export const PENDING_STATUSES: readonly ApplicationStatus[] = ['submitted', 'under_review', 'returned', 'resubmitted'];

/** What applications hold of an allocation, in cents. */
export interface Held {
  approvedCents: number;
  pendingCents: number;
}

/**
 * The running total of one municipality, stored as one item that every submit, resubmit, approval and
 * rejection rewrites in the same transaction as the application (conditional on `version`): concurrent
 * writers are serialised on it, so the sum never passes the ceiling.
 */
export interface MunicipalityFunding extends Held {
  municipality: string;
  /** Bumped by every change; the stored item is expected at `version - 1` (0: never written). */
  version: number;
}

const NOTHING: Held = { approvedCents: 0, pendingCents: 0 };

/** What one application holds: its approved amount once approved, its latest submitted total while pending. */
export function heldBy(app: Pick<Application, 'status' | 'decision'>, latest: Pick<ApplicationVersion, 'frozen'> | undefined): Held {
  if (app.status === 'approved' && app.decision?.outcome === 'approved') return { approvedCents: app.decision.approvedAmountCents, pendingCents: 0 };
  if (PENDING_STATUSES.includes(app.status)) return { approvedCents: 0, pendingCents: latest?.frozen.content.requestedTotalCents ?? 0 };
  return NOTHING;
}

/** The sum of what the applications hold: seeds a running total never written, and is what the report shows. */
export function heldByAll(rows: readonly { app: Pick<Application, 'status' | 'decision'>; latest: Pick<ApplicationVersion, 'frozen'> | undefined }[]): Held {
  return rows.reduce<Held>((sum, { app, latest }) => {
    const held = heldBy(app, latest);
    return { approvedCents: sum.approvedCents + held.approvedCents, pendingCents: sum.pendingCents + held.pendingCents };
  }, NOTHING);
}

export const headroomCents = (ceilingCents: number, held: Held) => ceilingCents - held.approvedCents - held.pendingCents;

/** The running total when one application goes from holding `before` to holding `after`; undefined when nothing moves. */
export function moveFunding(funding: MunicipalityFunding, before: Held, after: Held): MunicipalityFunding | undefined {
  if (before.approvedCents === after.approvedCents && before.pendingCents === after.pendingCents) return undefined;
  return {
    ...funding,
    approvedCents: funding.approvedCents - before.approvedCents + after.approvedCents,
    pendingCents: funding.pendingCents - before.pendingCents + after.pendingCents,
    version: funding.version + 1,
  };
}

/** The running total without what one application holds: what the others have taken. */
export const othersThan = (funding: Held, own: Held): Held => ({
  approvedCents: funding.approvedCents - own.approvedCents, pendingCents: funding.pendingCents - own.pendingCents,
});

/**
 * Approval rule: the amounts approved for the municipality, this one included, must not pass the published
 * allocation (which JSPA may have lowered since the applications were submitted). `ceilingCents` undefined:
 * no allocation is published, nothing can be approved.
 */
export function assertApprovalFits(amountCents: number, ceilingCents: number | undefined, othersApprovedCents: number): void {
  if (ceilingCents === undefined) {
    throw new RuleViolation('application.no-published-allocation', {
      lv: 'Pašvaldībai nav publicēta finansējuma sadale: pieteikumu apstiprināt nevar',
      en: 'No allocation is published for the municipality: the application cannot be approved',
    }, 'approvedAmountCents');
  }
  const left = ceilingCents - othersApprovedCents;
  if (amountCents <= left) return;
  const shown = Math.max(0, left);
  throw new RuleViolation('application.approval-exceeds-headroom', {
    lv: `Apstiprinātā summa (${eur(amountCents)} EUR) pārsniedz pašvaldības atlikušo finansējumu ${eur(shown)} EUR: no piešķirtajiem ${eur(ceilingCents)} EUR jau apstiprināti ${eur(othersApprovedCents)} EUR`,
    en: `The approved amount (EUR ${eur(amountCents)}) exceeds the municipality's remaining headroom of EUR ${eur(shown)}: of its allocation of EUR ${eur(ceilingCents)}, EUR ${eur(othersApprovedCents)} is already approved`,
  }, 'approvedAmountCents');
}
