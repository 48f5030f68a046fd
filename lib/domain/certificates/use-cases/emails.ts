// Sending a certificate's email under a lease and recording it once; finishing every email still pending.
import { verificationPageUrl } from '../credentials.js';
import { defaultProgramme } from '../../hours/types.js';
import { certificateEmail } from '../email.js';
import { certificateEmailKey, claimedEmail, failedEmail, mayClaim, sentEmail } from '../email-delivery.js';
import type { Certificate } from '../types.js';
import { pool } from '../../pool.js';
import type { CertificateDeps } from './deps.js';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'in-progress';

/**
 * At least once, recorded once: 1. an email already sent is left alone; one whose lease another sender holds is
 * left to it  2. take the lease (a conditional write on the certificate's email: attempts + 1, lease until now + 60 s)
 * 3. load the programme's recognition event and the PDF, send (idempotency key: the certificate code)
 * 4. record the send (conditional on pending, with the pending marker removed in the same transaction); on failure
 * record the error, release the lease and rethrow. A sender killed between 2 and 4 leaves the email pending: the
 * next run, the sweep or a redelivered event takes it once the lease has run out.
 */
export async function deliverCertificateEmail(deps: CertificateDeps, c: Certificate): Promise<DeliveryOutcome> {
  if (c.email.state === 'sent') return 'already-sent';
  const now = deps.clock.now();
  if (!mayClaim(c.email, now)) return 'in-progress';
  const claim = claimedEmail(c.email, now);
  if (!(await deps.certificates.claimEmail(c, claim))) return 'in-progress';
  try {
    const [programme, municipality, pdf] = await Promise.all([
      deps.hours.getProgramme(c.programme), deps.municipalities.get(c.programme), deps.files.get(c.pdfKey),
    ]);
    await deps.mailer.send({
      ...certificateEmail(c, {
        municipalityName: municipality?.name ?? c.programme,
        event: (programme ?? defaultProgramme(c.programme)).recognitionEvent,
        verificationUrl: verificationPageUrl(deps.baseUrl, c.code),
        ...(pdf ? { pdf } : {}),
      }),
      idempotencyKey: certificateEmailKey(c.code),
    });
  } catch (error) {
    await deps.certificates.recordEmailFailure(c, failedEmail(claim, error instanceof Error ? error.message : String(error)));
    throw error;
  }
  return (await deps.certificates.recordEmailSent(c, sentEmail(claim, deps.clock.now()))) ? 'sent' : 'already-sent';
}

export interface PendingEmailCounts {
  sent: number;
  /** Held by a live sender (its lease has not run out) or recorded by another sender meanwhile. */
  skipped: number;
  failed: number;
}

/**
 * Finishes the emails still pending, of one programme or of all: what a killed sender left behind, or a send that
 * failed. Called when a run's last batch is done and by the periodic sweep; a failure is counted and logged, and
 * does not stop the others (the email stays pending for the next pass).
 */
export async function finishPendingEmails(deps: CertificateDeps, scope: { programme?: string } = {}): Promise<PendingEmailCounts> {
  const counts: PendingEmailCounts = { sent: 0, skipped: 0, failed: 0 };
  const pending = await deps.certificates.pendingEmails(scope.programme);
  await pool(pending, deps.concurrency, async (ref) => {
    try {
      const c = await deps.certificates.getByHolder(ref.programme, ref.year, ref.volunteerId);
      const outcome = c ? await deliverCertificateEmail(deps, c) : 'already-sent';
      if (outcome === 'sent') counts.sent++;
      else counts.skipped++;
    } catch (error) {
      counts.failed++;
      deps.log?.('certificate email failed', { ...ref, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return counts;
}
