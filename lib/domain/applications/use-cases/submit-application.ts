// A coordinator submits (or resubmits after a return) the application: it is checked, frozen, hashed and receipted.
import { rigaDate } from '../../clock.js';
import type { User } from '../../identity/types.js';
import { sha256Hex } from '../canonical.js';
import { heldBy, moveFunding, othersThan } from '../funding.js';
import { receiptMail } from '../receipt-mail.js';
import { nextStatus } from '../state-machine.js';
import { assertSubmittable } from '../submit-rules.js';
import type { Application, ApplicationVersion, FrozenContent, Receipt } from '../types.js';
import { loadApplication, loadFunding, retryingOnRunningTotal, type ApplicationDeps } from './deps.js';
import { staleRevision } from './save-draft.js';

/**
 * 1. load, the caller must act for the municipality  2. state machine (submit from draft, resubmit from
 * returned)  3. the revision must be the one the coordinator saw  4. read the published ceiling and the
 * municipality's running total (approved + pending)  5. every submit rule, all failures at once (422), the
 * requested total within what the municipality's other applications leave of the ceiling
 * 6. list the attachments whose bytes arrived  7. freeze version n+1 with the SHA-256 of its canonical JSON,
 * move the head and hold the new total in the running total, in one conditional transaction (a running total
 * that moved meanwhile re-runs 1–7)  8. email the receipt to the contact person (a mail failure is reported
 * in the receipt, never undoes the submission)
 */
export async function submitApplication(
  deps: ApplicationDeps,
  user: User,
  id: string,
  input: { expectedRevision: number },
  action: 'submit' | 'resubmit' = 'submit',
): Promise<Receipt> {
  const { app, receipt } = await retryingOnRunningTotal(() => submitOnce(deps, user, id, input, action));
  const to = app.content.contactPerson?.email;
  if (to) {
    try {
      await deps.mailer.send(receiptMail(to, app, receipt, action === 'resubmit'));
      receipt.emailed = true;
    } catch (error) {
      deps.onMailError?.(error);
    }
  }
  return receipt;
}

async function submitOnce(deps: ApplicationDeps, user: User, id: string, input: { expectedRevision: number }, action: 'submit' | 'resubmit'): Promise<{ app: Application; receipt: Receipt }> {
  const app = await loadApplication(deps, user, id);
  const status = nextStatus(app.status, action, user.role);
  if (app.revision !== input.expectedRevision) throw staleRevision(id, input.expectedRevision, app.revision);
  const [ceiling, funding, previous] = await Promise.all([
    deps.ceilings.ceilingFor(app.municipality),
    loadFunding(deps, app.municipality),
    app.latestVersion > 0 ? deps.applications.getVersion(app.id, app.latestVersion) : Promise.resolve(undefined),
  ]);
  const heldBefore = heldBy(app, previous);
  assertSubmittable(app.content, app.cohort, ceiling, deps.policy, rigaDate(deps.clock.now()), othersThan(funding, heldBefore));

  const attachments = await uploadedAttachments(deps, app.id);

  const submittedAt = deps.clock.now().toISOString();
  const frozen: FrozenContent = { applicationId: app.id, municipality: app.municipality, cohort: app.cohort, version: app.latestVersion + 1, content: app.content, attachments };
  const version: ApplicationVersion = { frozen, sha256: sha256Hex(frozen), submittedAt, submittedBy: user.sub };
  const next: Application = { ...app, status, revision: app.revision + 1, latestVersion: frozen.version, updatedAt: submittedAt, statusChangedAt: submittedAt };
  await deps.applications.save(next, app.revision, version, moveFunding(funding, heldBefore, heldBy(next, version)));

  return { app, receipt: { applicationId: app.id, version: frozen.version, submittedAt, sha256: version.sha256, emailed: false } };
}

/** Attachments whose stored bytes match what was announced, in id order (announced-only ones are left out). */
async function uploadedAttachments(deps: Pick<ApplicationDeps, 'applications' | 'blobs'>, id: string): Promise<FrozenContent['attachments']> {
  const list = await deps.applications.listAttachments(id);
  const checked = await Promise.all(list.map(async (a) => {
    const blob = await deps.blobs.head(a.blobKey);
    return blob && blob.sizeBytes === a.sizeBytes && blob.contentType === a.contentType
      ? [{ id: a.id, kind: a.kind, filename: a.filename, contentType: a.contentType, sizeBytes: a.sizeBytes }]
      : [];
  }));
  return checked.flat().sort((a, b) => a.id.localeCompare(b.id));
}
