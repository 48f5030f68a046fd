// EventBridge rule target: ThresholdReached → rolling issue when the programme says so. A thrown error makes EventBridge retry, then the DLQ.
import type { EventBridgeEvent } from 'aws-lambda';
import type { ThresholdReached } from '../../lib/domain/hours/events.js';
import { issueOnThreshold } from '../../lib/domain/certificates/use-cases/reactions.js';
import { domainEventOf } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { issuingCertificateDeps } from '../../lib/wiring/issuing.js';

const deps = issuingCertificateDeps();

export const handler = async (event: EventBridgeEvent<'ThresholdReached', Record<string, unknown>>) => {
  const domainEvent = domainEventOf<ThresholdReached>(event);
  const outcome = await issueOnThreshold(deps, domainEvent);
  logger.info('ThresholdReached handled', { eventId: domainEvent.id, outcome });
  return outcome;
};
