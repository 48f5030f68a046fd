// The DynamoDB adapters behind the domain's repository ports, on one table (lib/wiring/deps.ts builds them once per runtime).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAllocationCeilings } from './allocation-ceilings.js';
import { DynamoApplicationRepository } from './application-repository.js';
import { DynamoAllocationRepository } from './allocation-repository.js';
import { DynamoCertificateRepository } from './certificate-repository.js';
import { DynamoHoursRepository } from './hours-repository.js';
import { DynamoInvitationRepository } from './invitation-repository.js';
import { DynamoMunicipalityRepository } from './municipality-repository.js';

export function dynamoRepositories(db: DynamoDBDocumentClient, table: string) {
  const allocations = new DynamoAllocationRepository(db, table);
  return {
    municipalities: new DynamoMunicipalityRepository(db, table),
    applications: new DynamoApplicationRepository(db, table),
    ceilings: new DynamoAllocationCeilings(db, table),
    allocations,
    headcounts: allocations,
    hours: new DynamoHoursRepository(db, table),
    certificates: new DynamoCertificateRepository(db, table),
    invitations: new DynamoInvitationRepository(db, table),
  };
}

export type Repositories = ReturnType<typeof dynamoRepositories>;
