// EventBridge rule target: ThresholdReached → rolling issue when the programme says so.
import type { ThresholdReached } from '../../lib/domain/hours/events.js';
import { issueOnThreshold } from '../../lib/domain/certificates/use-cases/reactions.js';
import { reactTo } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/certificates.js';

const deps = certificateDeps();

export const handler = reactTo<ThresholdReached>('ThresholdReached', (event) => issueOnThreshold(deps, event), logger);
