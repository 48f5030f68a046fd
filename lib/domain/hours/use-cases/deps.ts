// The ports every logbook use case may need, and small helpers they share (retry of tally races, programme lookup).
import type { Clock } from '../../clock.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import type { MunicipalityRepository } from '../../municipalities/ports.js';
import { RetryableConflict, type HoursRepository } from '../ports.js';
import { defaultProgramme, type Programme, type Volunteer } from '../types.js';

export interface HoursDeps {
  hours: HoursRepository;
  municipalities: Pick<MunicipalityRepository, 'get'>;
  clock: Clock;
}

/** The stored programme of a municipality, or the defaults of DOMAIN.md §1 until the coordinator sets one. */
export async function programmeOf(deps: { hours: Pick<HoursRepository, 'getProgramme'> }, municipality: string): Promise<Programme> {
  return (await deps.hours.getProgramme(municipality)) ?? defaultProgramme(municipality);
}

/** The role half of "authorised by role and municipality": the route table checks it too, the use case does not rely on that. */
export function assertRole(user: User, roles: readonly User['role'][], what: string): void {
  if (!roles.includes(user.role)) throw new ForbiddenError(`a ${user.role} cannot ${what}`);
}

/**
 * A closed account's profile is pseudonymised and kept only for the records: no new entries, sign-ups or profile
 * changes, even from an ID token issued before the closure (it lives up to an hour).
 */
export function assertNotClosed(volunteer: Pick<Volunteer, 'closedAt'> | undefined): void {
  if (volunteer?.closedAt) {
    throw new ForbiddenError(`the account was closed at ${volunteer.closedAt}`, { rule: 'hours.account-closed', message: { lv: 'Šis konts ir slēgts', en: 'This account is closed' } });
  }
}

/** Staff read only their own municipality (the agency every one); youth may look at any, to volunteer across borders. */
export function assertReads(user: User, municipality: string): void {
  if (user.role === 'youth') return;
  assertActsFor(user, municipality);
}

export async function assertMunicipality(deps: Pick<HoursDeps, 'municipalities'>, code: string): Promise<void> {
  if (!(await deps.municipalities.get(code))) throw new NotFoundError('municipality', code);
}

/**
 * Re-runs `attempt` (which must re-read what it writes) while the store reports a RetryableConflict:
 * many decisions on one volunteer's tally race, but each is decided exactly once. Gives up with the conflict.
 */
export async function retrying<T>(attempt: () => Promise<T>, attempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RetryableConflict) || i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(i, 6))));
    }
  }
}
