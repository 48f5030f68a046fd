// EventBridge rule target: CertificateIssued → one email per certificate (idempotent on the event id). A thrown error makes EventBridge retry, then the DLQ.
import type { EventBridgeEvent } from 'aws-lambda';
import type { CertificateIssued } from '../../lib/domain/certificates/use-cases/deps.js';
import { sendCertificateEmail } from '../../lib/domain/certificates/use-cases/reactions.js';
import { domainEventOf } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = async (event: EventBridgeEvent<'CertificateIssued', Record<string, unknown>>) => {
  const domainEvent = domainEventOf<CertificateIssued>(event);
  const outcome = await sendCertificateEmail(deps, domainEvent);
  logger.info('CertificateIssued handled', { eventId: domainEvent.id, outcome });
  return outcome;
};
