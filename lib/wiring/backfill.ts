// The deps of the deploy-time backfill of what earlier releases did not write: the closure's own deps (profile,
// records, Cognito sign-in) and the legacy records.
import { cognitoClient, cognitoSignIn } from '../accounts/cognito-directory.js';
import { DynamoClosureRecords } from '../data/erasure-repository.js';
import { DynamoLegacyRecords } from '../data/legacy-records.js';
import { systemClock } from '../domain/clock.js';
import type { BackfillDeps } from '../domain/accounts/use-cases/backfill-accounts.js';
import { logger } from '../http/logger.js';
import { awsTable } from './aws.js';
import { repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';

export function backfillDeps(): BackfillDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    const pool = process.env.USER_POOL_ID;
    if (!pool) throw new Error('USER_POOL_ID is not set: the backfill disables sign-in of accounts closed by earlier releases');
    return {
      closure: { hours: repositories().hours, records: new DynamoClosureRecords(table.db, table.name), signIn: cognitoSignIn(cognitoClient(), pool), clock: systemClock },
      legacy: new DynamoLegacyRecords(table.db, table.name),
      onError: (error: unknown, what: string) => logger.error('backfill step failed', { what, error: String(error) }),
    };
  });
}
