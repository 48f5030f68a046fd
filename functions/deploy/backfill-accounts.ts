// Deploy-time trigger: backfills what earlier releases did not write (closed accounts' retention end and erasure
// queue entry, move requests' MOVELOG items). Idempotent: a second run finds nothing to do.
import { Logger } from '@aws-lambda-powertools/logger';
import { backfillAccounts } from '../../lib/domain/accounts/use-cases/backfill-accounts.js';
import { backfillDeps } from '../../lib/wiring/backfill.js';

const logger = new Logger();
const deps = backfillDeps();

export const handler = async () => {
  const counts = await backfillAccounts(deps);
  logger.info('accounts backfilled', { ...counts });
  return counts;
};
