// The agency's review steps: take into review, return with per-field comments, approve (an amount) or reject (reasons).
import { RuleViolation } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { assertApprovalFits, heldBy, moveFunding, othersThan } from '../funding.js';
import { nextStatus, type ApplicationAction } from '../state-machine.js';
import { eur } from '../submit-rules.js';
import { assertStorable } from '../storage-limit.js';
import { CONTENT_FIELDS, type Application, type ReviewComment } from '../types.js';
import { loadApplication, loadFunding, retryingOnRunningTotal, type ApplicationDeps } from './deps.js';

export type ReviewStep =
  | { action: 'startReview' }
  | { action: 'return'; comments: ReviewComment[] }
  | { action: 'approve'; approvedAmountCents: number }
  | { action: 'reject'; reasons: string[] };

type Deps = Pick<ApplicationDeps, 'applications' | 'ceilings' | 'clock'>;

/**
 * 1. load (agency acts for all)  2. state machine: agency only, from the allowed states (409 otherwise)
 * 3. the step's own rule: comments name content fields and still fit the stored application; the approved
 * amount is at most the requested total of the latest submitted version, and with the municipality's other
 * approved amounts at most its published allocation  4. save conditionally on the revision read (a concurrent
 * decision gets 409), moving the municipality's running total in the same transaction when what the
 * application holds changes (approve: pending → approved amount; reject: pending → nothing); a running total
 * that moved meanwhile re-runs 1–4
 */
export function reviewApplication(deps: Deps, user: User, id: string, step: ReviewStep): Promise<Application> {
  return retryingOnRunningTotal(() => reviewOnce(deps, user, id, step));
}

async function reviewOnce(deps: Deps, user: User, id: string, step: ReviewStep): Promise<Application> {
  const app = await loadApplication(deps, user, id);
  const status = nextStatus(app.status, step.action as ApplicationAction, user.role);
  const now = deps.clock.now().toISOString();
  let next: Application = { ...app, status, revision: app.revision + 1, updatedAt: now, statusChangedAt: now };

  if (step.action === 'return') {
    const unknown = step.comments.map((c, i) => ({ c, i })).filter(({ c }) => !CONTENT_FIELDS.includes(c.field.split('.')[0] as never));
    if (unknown.length > 0) {
      throw new RuleViolation('application.comment-field-unknown', {
        lv: 'Komentārs attiecas uz nezināmu pieteikuma lauku', en: 'A comment refers to an unknown application field',
      }, undefined, unknown.map(({ c, i }) => ({
        field: `comments.${i}.field`, rule: 'application.comment-field-unknown',
        message: { lv: `Nezināms lauks: ${c.field}`, en: `Unknown field: ${c.field}` },
      })));
    }
    next = { ...next, reviewRounds: [...app.reviewRounds, { version: app.latestVersion, returnedAt: now, returnedBy: user.sub, comments: step.comments }] };
    assertStorable(next, 'comments');
  }
  // a decision changes what the application holds of the allocation; taking into review and returning do not
  const decides = step.action === 'approve' || step.action === 'reject';
  const [latest, funding] = decides
    ? await Promise.all([deps.applications.getVersion(app.id, app.latestVersion), loadFunding(deps, app.municipality)])
    : [undefined, undefined];
  if (step.action === 'approve') {
    const requested = latest?.frozen.content.requestedTotalCents ?? 0;
    if (step.approvedAmountCents > requested) {
      throw new RuleViolation('application.approved-exceeds-requested', {
        lv: `Apstiprinātā summa nevar pārsniegt pieprasīto (${eur(requested)} EUR)`,
        en: `The approved amount cannot exceed the requested total (EUR ${eur(requested)})`,
      }, 'approvedAmountCents');
    }
    const ceiling = await deps.ceilings.ceilingFor(app.municipality);
    assertApprovalFits(step.approvedAmountCents, ceiling?.amountCents, othersThan(funding!, heldBy(app, latest)).approvedCents);
    next = { ...next, decision: { outcome: 'approved', approvedAmountCents: step.approvedAmountCents, decidedAt: now, decidedBy: user.sub } };
  }
  if (step.action === 'reject') {
    next = { ...next, decision: { outcome: 'rejected', reasons: step.reasons, decidedAt: now, decidedBy: user.sub } };
    assertStorable(next, 'reasons');
  }
  await deps.applications.save(next, app.revision, undefined, funding && moveFunding(funding, heldBy(app, latest), heldBy(next, latest)));
  return next;
}
