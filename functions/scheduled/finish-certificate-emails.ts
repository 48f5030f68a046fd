// EventBridge Scheduler target (every EMAIL_SWEEP_MINUTES): sends every certificate email still pending whose lease has run out.
import { finishPendingEmails } from '../../lib/domain/certificates/use-cases/emails.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/deps.js';

const deps = certificateDeps();

/** A failed send throws after the others were tried, so the schedule retries and then parks the invocation in the DLQ (alarm). */
export const handler = async () => {
  const counts = await finishPendingEmails(deps);
  logger.info('pending certificate emails finished', { ...counts });
  if (counts.failed > 0) throw new Error(`${counts.failed} certificate email(s) failed; they stay pending for the next sweep`);
  return counts;
};
