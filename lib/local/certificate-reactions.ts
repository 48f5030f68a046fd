// Local stand-in for the EventBridge rules: the local bus delivers CertificateIssued, ThresholdReached and HoursReversed to the same use cases.
import type { CertificateDeps, CertificateIssued } from '../domain/certificates/use-cases/deps.js';
import { flagOnReversal, issueOnThreshold, sendCertificateEmail } from '../domain/certificates/use-cases/reactions.js';
import type { HoursReversed, ThresholdReached } from '../domain/hours/events.js';
import type { LocalEventBus } from './event-bus.js';

export function subscribeCertificateReactions(bus: LocalEventBus, deps: () => CertificateDeps): () => void {
  const off = [
    bus.subscribe<CertificateIssued>('CertificateIssued', (e) => sendCertificateEmail(deps(), e)),
    bus.subscribe<ThresholdReached>('ThresholdReached', (e) => issueOnThreshold(deps(), e)),
    bus.subscribe<HoursReversed>('HoursReversed', (e) => flagOnReversal(deps(), e)),
  ];
  return () => off.forEach((f) => f());
}
