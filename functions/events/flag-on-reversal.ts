// EventBridge rule target: HoursReversed → flag the certificate when the holder drops below the threshold. A thrown error makes EventBridge retry, then the DLQ.
import type { EventBridgeEvent } from 'aws-lambda';
import type { HoursReversed } from '../../lib/domain/hours/events.js';
import { flagOnReversal } from '../../lib/domain/certificates/use-cases/reactions.js';
import { domainEventOf } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = async (event: EventBridgeEvent<'HoursReversed', Record<string, unknown>>) => {
  const domainEvent = domainEventOf<HoursReversed>(event);
  const outcome = await flagOnReversal(deps, domainEvent);
  logger.info('HoursReversed handled', { eventId: domainEvent.id, outcome });
  return outcome;
};
