// EventBridge rule target: HoursReversed → flag the certificate when the holder drops below the threshold.
import type { HoursReversed } from '../../lib/domain/hours/events.js';
import { flagOnReversal } from '../../lib/domain/certificates/use-cases/reactions.js';
import { reactTo } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = reactTo<HoursReversed>('HoursReversed', (event) => flagOnReversal(deps, event), logger);
