// Deploy-time trigger: backfills what earlier releases did not write (closed accounts closed again, move requests'
// MOVELOG items). A clean run leaves a marker; every later run reads it and stops.
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
