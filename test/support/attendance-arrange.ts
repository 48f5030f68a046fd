// Arranges youth-house shifts that have already started (the API only publishes future ones): the opportunity and
// its registered sign-ups are written with the real repository straight into the e2e stack's table.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoYouthHouseRepository } from '../../lib/data/youth-house-repository.js';
import { rigaDate } from '../../lib/domain/clock.js';
import { rigaTime } from '../../lib/domain/clock.js';
import type { Opportunity, OpportunityInput, SignUp } from '../../lib/domain/youth-house/types.js';
import { anOpportunityInput } from './youth-house-builders.js';

let repo: DynamoYouthHouseRepository | undefined;
const repository = () => (repo ??= new DynamoYouthHouseRepository(createDocumentClient(localClient(inject('e2eDynamoEndpoint'))), inject('e2eTableName')));

/**
 * The start of the current Riga half-day (00:00 or 12:00): a shift of 12 hours from then holds "now", has started,
 * and its hours never run past midnight, whenever the suite runs.
 */
export function currentHalfDayStart(now = new Date()): string {
  const [h, m] = rigaTime(now).split(':').map(Number) as [number, number];
  const sinceMidnight = h * 60 + m;
  const back = sinceMidnight % 720;
  const at = new Date(now.getTime() - back * 60_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

/** A published opportunity whose one shift started at `start` (default: the current half-day, 12 hours long). */
export async function aStartedShift(municipality: string, createdBy: string, overrides: Partial<OpportunityInput> = {}, start = currentHalfDayStart()): Promise<Opportunity> {
  const input = anOpportunityInput({
    kind: 'volunteering', shifts: [{ start, durationMinutes: 720, places: 10 }], creditedMinutesPerShift: 90,
    signUpDeadline: new Date(Date.parse(start) - 86_400_000).toISOString(), ...overrides,
  });
  const at = new Date().toISOString();
  const o: Opportunity = { ...input, id: randomUUID(), municipality, status: 'published', registered: input.shifts.map(() => 0), createdAt: at, createdBy, updatedAt: at };
  await repository().createOpportunity(o);
  return o;
}

/** Registers youth for shift `shift` of `o` (as a sign-up through the API would, minus the deadline). */
export async function registered(o: Opportunity, youthIds: readonly string[], shift = 0): Promise<void> {
  const s = o.shifts[shift]!;
  const start = new Date(s.start);
  for (const youthId of youthIds) {
    const at = new Date().toISOString();
    const signUp: SignUp = {
      opportunityId: o.id, shift, youthId, municipality: o.municipality, state: 'registered', position: null,
      date: rigaDate(start), startTime: rigaTime(start), minutes: s.durationMinutes, createdAt: at, updatedAt: at,
    };
    const outcome = await repository().register(signUp, s.places, () => []);
    if (outcome !== 'registered') throw new Error(`could not register ${youthId}: ${outcome}`);
  }
}
