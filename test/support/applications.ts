// Builders for application tests: a complete, submittable content; users; a published allocation item.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENTITY, keys } from '../../lib/data/keys.js';
import { MUNICIPALITIES } from '../../lib/domain/municipalities/registry.js';
import type { Application, ApplicationContent } from '../../lib/domain/applications/types.js';
import type { Role, User } from '../../lib/domain/identity/types.js';

/** A content that passes every submit rule for cohort 1 (ceiling ≥ 20 000.00 EUR). */
export function aCompleteContent(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    title: 'Digitālais jaunatnes darbs Jēkabpils novadā',
    summary: 'Jaunatnes darbinieki apgūst digitālā darba ar jaunatni metodes un tās lieto ikdienā.',
    objectives: ['Apmācīt komandu', 'Sasniegt jauniešus tiešsaistē'],
    targetGroups: [{ description: 'Jaunieši lauku teritorijās', ageFrom: 13, ageTo: 25 }],
    activities: [
      { title: 'Apmācības', startDate: '2024-04-01', endDate: '2024-06-30' },
      { title: 'Tiešsaistes jauniešu centrs', startDate: '2024-09-01', endDate: '2026-04-30' },
    ],
    expectedYoungPeople: 250,
    team: Array.from({ length: 6 }, (_, i) => ({ name: `Darbinieks ${i + 1}`, position: 'jaunatnes darbinieks' })),
    budgetLines: [
      { category: 'training', description: 'Mācību materiāli', amountCents: 500_000 },
      { category: 'digital-equipment', description: 'Planšetdatori', amountCents: 1_000_000 },
    ],
    requestedTotalCents: 1_500_000,
    councilDecision: { number: 'Nr. 12/2023', date: '2023-11-23' },
    contactPerson: { name: 'Anna Ozola', email: 'anna.ozola@jekabpils.lv' },
    ...overrides,
  };
}

export function aUser(role: Role, municipality: string | null = role === 'agency' ? null : 'LV-042', sub = `${role}-1`): User {
  return { sub, role, municipality, institution: null, email: null, name: null };
}

export function anApplication(overrides: Partial<Application> = {}): Application {
  const at = '2024-01-10T10:00:00.000Z';
  return {
    id: '00000000-0000-4000-8000-000000000001', municipality: 'LV-042', cohort: 1, status: 'draft', revision: 1, latestVersion: 0,
    content: aCompleteContent(), reviewRounds: [], decision: null, createdAt: at, createdBy: 'coordinator-1', updatedAt: at, statusChangedAt: at,
    ...overrides,
  };
}

/** Simulates JSPA publishing an allocation: the item the allocation helper writes at keys.publishedAllocation. */
export async function publishAllocation(doc: DynamoDBDocumentClient, table: string, code: string, amountCents: number, runId = 'run-test'): Promise<void> {
  await doc.send(new PutCommand({
    TableName: table,
    Item: {
      ...keys.publishedAllocation(code), entityType: ENTITY.publishedAllocation,
      code, name: MUNICIPALITIES.find((m) => m.code === code)?.name ?? code, amountCents, runId, publishedAt: new Date().toISOString(),
    },
  }));
}
