// Wires the DynamoDB adapters behind the domain ports, once per process.
import { DynamoAllocationRepository } from './allocation-repository.js';
import { documentClient, tableName } from './client.js';
import { DynamoMunicipalityRepository } from './municipality-repository.js';

export function repositories() {
  const db = documentClient();
  const table = tableName();
  const allocations = new DynamoAllocationRepository(db, table);
  return {
    municipalities: new DynamoMunicipalityRepository(db, table),
    allocations,
    headcounts: allocations,
  };
}

export type Repositories = ReturnType<typeof repositories>;
