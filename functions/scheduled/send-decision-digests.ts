// EventBridge Scheduler target (hourly, Europe/Riga): the supervisors' daily digest for the programmes whose hour it is.
import { sendDecisionDigests } from '../../lib/domain/hours/use-cases/decision-digest.js';
import { logger } from '../../lib/http/logger.js';
import { digestDeps } from '../../lib/wiring/pages.js';

const deps = digestDeps();

/** `at` (ISO) replays a firing; without it, the scheduled time is now. */
export const handler = async (event: { at?: string } = {}) => {
  const counts = await sendDecisionDigests(deps, event.at ? new Date(event.at) : deps.clock.now());
  logger.info('decision digests', { ...counts });
  return counts;
};
