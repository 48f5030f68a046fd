// Wires the DynamoDB adapters behind the domain ports, once per process.
import { DynamoAllocationCeilings } from './allocation-ceilings.js';
import { DynamoApplicationRepository } from './application-repository.js';
import { DynamoAllocationRepository } from './allocation-repository.js';
import { documentClient, tableName } from './client.js';
import { DynamoCertificateRepository } from './certificate-repository.js';
import { DynamoHoursRepository } from './hours-repository.js';
import { DynamoMunicipalityRepository } from './municipality-repository.js';

export function repositories() {
  const db = documentClient();
  const table = tableName();
  const allocations = new DynamoAllocationRepository(db, table);
  return {
    municipalities: new DynamoMunicipalityRepository(db, table),
    applications: new DynamoApplicationRepository(db, table),
    ceilings: new DynamoAllocationCeilings(db, table),
    allocations,
    headcounts: allocations,
    hours: new DynamoHoursRepository(db, table),
    certificates: new DynamoCertificateRepository(db, table),
  };
}

export type Repositories = ReturnType<typeof repositories>;
