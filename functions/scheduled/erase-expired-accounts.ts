// EventBridge Scheduler target (daily, 03:30 Europe/Riga): closed accounts whose retention ended are erased.
import { eraseExpiredAccounts } from '../../lib/domain/accounts/use-cases/erase-expired-accounts.js';
import { logger } from '../../lib/http/logger.js';
import { erasureDeps } from '../../lib/wiring/erasure.js';

const deps = erasureDeps();

export const handler = async () => {
  const counts = await eraseExpiredAccounts(deps);
  logger.info('closed accounts erased', { ...counts });
  // a failure is logged per account and retried tomorrow; it also fails the invocation so the error alarm sees it
  if (counts.failed > 0) throw new Error(`${counts.failed} closed account(s) not erased; see the log`);
  return counts;
};
