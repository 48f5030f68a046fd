// A young person closes their account: sign-in disabled, profile pseudonymised; approved hours and certificates stay.
import type { Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import type { HoursRepository } from '../../hours/ports.js';
import type { User } from '../../identity/types.js';
import { programmeOf } from '../../hours/use-cases/deps.js';
import type { ClosureRecords } from '../erasure.js';
import type { AccountSignIn } from '../ports.js';

export const CLOSED_NAME = 'Slēgts konts';

export interface ClosureDeps {
  hours: Pick<HoursRepository, 'getVolunteer' | 'putVolunteer' | 'getProgramme'>;
  /** The copies of the name and address on the entries and certificates. */
  records: ClosureRecords;
  signIn: AccountSignIn;
  clock: Clock;
}

export interface Closure {
  closedAt: string;
  retainedUntil: string;
}

/**
 * 1. the profile (404 without one)  2. pseudonymise the profile: name, email and the guardian's name replaced, the id
 * (the account's sub, which the municipality's entries already carry) kept; birth date, municipality and the
 * consent's relation and date stay, the legal record of a minor's volunteering (DOMAIN.md §1)  3. the copies of the
 * name on the hour entries and of the address on the certificates replaced  4. disable sign-in last, so a
 * failure before it leaves an account that can sign in and close again. Idempotent: closing again keeps closedAt.
 * Certificates keep the holder's name as given at issue and still verify. `retainedUntil` is
 * the closure plus the volunteer's municipality's `retentionYears` (a programme setting, default 5), fixed at closure
 * and stored on the profile: the erasure job (erase-expired-accounts.ts) deletes everything the day after.
 */
export async function closeMyAccount(deps: ClosureDeps, user: User): Promise<Closure> {
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer) throw new NotFoundError('volunteer profile', user.sub);
  const now = deps.clock.now().toISOString();
  const closedAt = volunteer.closedAt ?? now;
  const retainedUntil = volunteer.retainedUntil ?? retentionEnd(closedAt, (await programmeOf(deps, volunteer.municipality)).retentionYears);
  const email = `closed-${volunteer.id}@closed.invalid`;
  // again when an update that raced the closure wrote the real name back
  if (!volunteer.closedAt || !volunteer.retainedUntil || volunteer.name !== CLOSED_NAME || volunteer.email !== email) {
    await deps.hours.putVolunteer({
      ...volunteer,
      name: CLOSED_NAME,
      email,
      guardianConsent: volunteer.guardianConsent ? { ...volunteer.guardianConsent, name: CLOSED_NAME } : null,
      closedAt,
      retainedUntil,
      updatedAt: now,
    });
  }
  // the copies after the profile: from its closure on nothing new is written with the name (assertNotClosed), and a
  // failure here leaves sign-in on, so closing again finishes
  await deps.records.pseudonymise(volunteer.id, CLOSED_NAME, email);
  await deps.signIn.disable(user.sub);
  return { closedAt, retainedUntil };
}

/** The last day a closed account's records are kept: the closure's date `years` later (UTC, as the closure is stamped). */
export function retentionEnd(closedAt: string, years: number): string {
  const until = new Date(closedAt);
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until.toISOString().slice(0, 10);
}
