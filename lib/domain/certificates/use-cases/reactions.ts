// Reactions to domain events: the certificate email, rolling issue on ThresholdReached, flagging on a reversal.
import type { HoursReversed, ThresholdReached } from '../../hours/events.js';
import { reachesThreshold } from '../../hours/recognition.js';
import { defaultProgramme } from '../../hours/types.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { NotFoundError } from '../../errors.js';
import { rosterCsv } from '../email.js';
import type { CertificateDeps, CertificateIssued } from './deps.js';
import { deliverCertificateEmail } from './emails.js';
import { issueCertificate } from './issue-certificate.js';

/**
 * CertificateIssued → the certificate's email (deliverCertificateEmail: under a lease, recorded once on the
 * certificate). A redelivered event finds it sent ('duplicate') or held by a live sender ('in-progress'); an unknown
 * code or a failed send throws, so the delivery is retried (then the DLQ), and the sweep retries it as well.
 */
export async function sendCertificateEmail(deps: CertificateDeps, event: CertificateIssued): Promise<'sent' | 'duplicate' | 'in-progress'> {
  const c = await deps.certificates.getByCode(event.detail.code);
  if (!c) throw new NotFoundError('certificate', event.detail.code);
  const outcome = await deliverCertificateEmail(deps, c);
  return outcome === 'already-sent' ? 'duplicate' : outcome;
}

/** Rolling issue: when the programme says so, a volunteer's certificate is issued as soon as the threshold is reached. */
export async function issueOnThreshold(deps: CertificateDeps, event: ThresholdReached): Promise<'issued' | 'skipped' | 'not-rolling' | 'not-eligible'> {
  const { programme: code, year, volunteerId } = event.detail;
  const programme = (await deps.hours.getProgramme(code)) ?? defaultProgramme(code);
  if (!programme.rollingIssue) return 'not-rolling';
  return (await issueCertificate(deps, { programme: code, year, volunteerId, runId: null })).outcome;
}

/**
 * A reversal that leaves the holder below the threshold flags the certificate for the coordinator (who revokes or
 * keeps it). The tally is already reduced when HoursReversed arrives; a reversal that leaves enough hours changes nothing.
 */
export async function flagOnReversal(deps: CertificateDeps, event: HoursReversed): Promise<'flagged' | 'unchanged'> {
  const { programme: code, volunteerId, date, entryId } = event.detail;
  const year = Number(date.slice(0, 4));
  const c = await deps.certificates.getByHolder(code, year, volunteerId);
  if (!c || c.status !== 'valid') return 'unchanged';
  const [tally, stored] = await Promise.all([deps.hours.getTally(volunteerId, code, year), deps.hours.getProgramme(code)]);
  const threshold = (stored ?? defaultProgramme(code)).thresholdMinutes;
  if (reachesThreshold(tally.approvedMinutes, { thresholdMinutes: threshold })) return 'unchanged';
  await deps.certificates.updateStatus(c.code, 'valid', {
    status: 'flagged',
    flag: { reason: `reversal of entry ${entryId} left ${tally.approvedMinutes} of ${threshold} minutes`, approvedMinutes: tally.approvedMinutes, at: deps.clock.now().toISOString() },
    revocation: null,
  });
  return 'flagged';
}

/** The recognition event's roster (CSV) of a municipality and year, for its coordinator or the agency. */
export async function certificateRoster(deps: Pick<CertificateDeps, 'certificates' | 'municipalities'>, user: User, municipality: string, year: number): Promise<string> {
  assertActsFor(user, municipality);
  if (!(await deps.municipalities.get(municipality))) throw new NotFoundError('municipality', municipality);
  return rosterCsv(await deps.certificates.listOfYear(municipality, year));
}
