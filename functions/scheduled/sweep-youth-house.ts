// EventBridge Scheduler target (every 5 minutes): expired waitlist offers pass on; offer, reminder and cancellation emails.
import { sweepYouthHouse } from '../../lib/domain/youth-house/notifications.js';
import { logger } from '../../lib/http/logger.js';
import { sweepDeps } from '../../lib/wiring/youth-house-sweep.js';

const deps = sweepDeps();

/** `at` (ISO) replays a firing; without it, the scheduled time is now. */
export const handler = async (event: { at?: string } = {}) => {
  const counts = await sweepYouthHouse(deps, event.at ? new Date(event.at) : deps.clock.now());
  logger.info('youth-house sweep', { ...counts });
  return counts;
};
