// The deps of the daily erasure of closed accounts whose retention ended: the table, the files bucket, the user pool.
import { cognitoAccountRemover, cognitoClient } from '../accounts/cognito-directory.js';
import { DynamoErasureStore } from '../data/erasure-repository.js';
import type { ErasureDeps } from '../domain/accounts/use-cases/erase-expired-accounts.js';
import { systemClock } from '../domain/clock.js';
import { logger } from '../http/logger.js';
import { awsFileEraser, awsTable } from './aws.js';
import { lazyPort } from './deps.js';
import { adapter, deferred } from './runtime.js';

export function erasureDeps(): ErasureDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    const userPoolId = process.env.USER_POOL_ID;
    if (!userPoolId) throw new Error('USER_POOL_ID is not set: the erasure job deletes the closed accounts from the user pool');
    return {
      erasure: new DynamoErasureStore(table.db, table.name),
      files: lazyPort(() => adapter('fileEraser', awsFileEraser)),
      accounts: cognitoAccountRemover(cognitoClient(), userPoolId),
      clock: systemClock,
      onError: (error: unknown, volunteerId: string) => logger.error('closed account not erased', { volunteerId, error: String(error) }),
    };
  });
}
