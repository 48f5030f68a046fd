// The youth house's deps, from this runtime's adapters (lib/wiring/runtime.ts), deferred like every deps object.
import { randomBytes } from 'node:crypto';
import { DynamoYouthHouseRepository } from '../data/youth-house-repository.js';
import { systemClock } from '../domain/clock.js';
import type { YouthHouseDeps } from '../domain/youth-house/use-cases.js';
import { awsTable } from './aws.js';
import { repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';

export function youthHouseDeps(): YouthHouseDeps {
  return deferred(() => {
    const { hours, municipalities } = repositories();
    const table = adapter('table', awsTable);
    return {
      youthHouse: new DynamoYouthHouseRepository(table.db, table.name), hours, municipalities, clock: systemClock,
      newNonce: () => randomBytes(16).toString('base64url'),
    };
  });
}
