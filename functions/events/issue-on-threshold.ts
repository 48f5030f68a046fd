// EventBridge rule target: ThresholdReached → rolling issue when the programme says so.
import type { ThresholdReached } from '../../lib/domain/hours/events.js';
import { issueOnThreshold } from '../../lib/domain/certificates/use-cases/reactions.js';
import { reactTo } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { issuingCertificateDeps } from '../../lib/wiring/issuing.js';

const deps = issuingCertificateDeps();

export const handler = reactTo<ThresholdReached>('ThresholdReached', (event) => issueOnThreshold(deps, event), logger);
