// The deps of the deploy-time backfill of what earlier releases did not write (accounts' retention, move logs).
import { DynamoLegacyRecords } from '../data/legacy-records.js';
import type { BackfillDeps } from '../domain/accounts/use-cases/backfill-accounts.js';
import { awsTable } from './aws.js';
import { repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';

export function backfillDeps(): BackfillDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    return { hours: repositories().hours, legacy: new DynamoLegacyRecords(table.db, table.name) };
  });
}
