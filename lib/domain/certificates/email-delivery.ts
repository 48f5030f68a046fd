// The certificate email as a tracked state of the certificate: pending → sent, claimed under a short lease.

/**
 * How long a sender holds a claimed email. A sender that dies between its claim and its confirmation (a killed
 * process, a Lambda timeout) leaves the email pending; once the lease runs out, the next run, the periodic sweep
 * or a redelivered event sends it again. Sending takes seconds, so a minute is long enough never to cut a live
 * sender short and short enough that a rerun soon after a crash finishes the job.
 */
export const EMAIL_LEASE_SECONDS = 60;

/**
 * - pending: not confirmed sent yet (new certificates start here, with no lease);
 * - sent: a send was confirmed; recorded once (a conditional write), never sent again by the platform.
 * An email is sent at least once: a sender killed after the mail service accepted the message but before the
 * confirmation makes the next sender send it again (the local outbox replaces the file; SES sends a second copy).
 */
export interface EmailDelivery {
  state: 'pending' | 'sent';
  /** Claims taken so far (each one is a send attempt); also the version the conditional writes compare. */
  attempts: number;
  /** While in the future, a sender holds the claim; null when nobody does. */
  leaseUntil: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
}

export function pendingEmail(): EmailDelivery {
  return { state: 'pending', attempts: 0, leaseUntil: null, lastAttemptAt: null, lastError: null, sentAt: null };
}

/** A pending email nobody holds (never claimed, released after a failure, or its lease ran out) may be claimed. */
export function mayClaim(email: EmailDelivery, now: Date): boolean {
  return email.state === 'pending' && (email.leaseUntil === null || Date.parse(email.leaseUntil) <= now.getTime());
}

export function claimedEmail(email: EmailDelivery, now: Date): EmailDelivery {
  return { ...email, attempts: email.attempts + 1, leaseUntil: new Date(now.getTime() + EMAIL_LEASE_SECONDS * 1000).toISOString(), lastAttemptAt: now.toISOString() };
}

/** A failed attempt releases the lease at once, so the retry need not wait for it. */
export function failedEmail(claim: EmailDelivery, error: string): EmailDelivery {
  return { ...claim, leaseUntil: null, lastError: error.slice(0, 500) };
}

export function sentEmail(claim: EmailDelivery, now: Date): EmailDelivery {
  return { ...claim, state: 'sent', leaseUntil: null, sentAt: now.toISOString() };
}

/** The idempotency key of a certificate's email: the same for every attempt (the outbox names its file by it). */
export function certificateEmailKey(code: string): string {
  return `certificate-email-${code}`;
}
