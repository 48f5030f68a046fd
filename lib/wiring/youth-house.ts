// Wires the youth house's use cases to DynamoDB (the youth house and logbook repositories) and the system clock.
import { documentClient, tableName } from '../data/client.js';
import { repositories } from '../data/repositories.js';
import { DynamoYouthHouseRepository } from '../data/youth-house-repository.js';
import { systemClock } from '../domain/clock.js';
import type { YouthHouseDeps } from '../domain/youth-house/use-cases.js';

export function youthHouseDeps(): YouthHouseDeps {
  const { hours, municipalities } = repositories();
  return { youthHouse: new DynamoYouthHouseRepository(documentClient(), tableName()), hours, municipalities, clock: systemClock };
}
