// A youth creates, updates and reads their own volunteer profile (the logbook's first page).
import { rigaDate } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { checkProfile } from '../rules.js';
import type { Volunteer, VolunteerInput } from '../types.js';
import { assertMunicipality, assertNotClosed, assertRole, type HoursDeps } from './deps.js';

/**
 * 1. a youth  2. the municipality must exist and be the youth's own  3. no birth date after today (Riga)  4. not a
 * closed account (403 hours.account-closed)  5. keep createdAt on updates  6. store. The guardian's consent is not the youth's to set: the store keeps what the consent
 * record wrote (guardian-consent.ts).
 */
export async function putMyProfile(deps: Pick<HoursDeps, 'hours' | 'municipalities' | 'clock'>, user: User, input: VolunteerInput): Promise<Volunteer> {
  assertRole(user, ['youth'], 'keep a volunteer profile');
  await assertMunicipality(deps, input.municipality);
  assertActsFor(user, input.municipality);
  const violation = checkProfile(input, rigaDate(deps.clock.now()));
  if (violation) throw violation;
  const now = deps.clock.now().toISOString();
  const existing = await deps.hours.getVolunteer(user.sub);
  assertNotClosed(existing);
  const volunteer: Volunteer = { ...input, id: user.sub, guardianConsent: existing?.guardianConsent ?? null, createdAt: existing?.createdAt ?? now, updatedAt: now };
  await deps.hours.putVolunteer(volunteer);
  return volunteer;
}

export async function getMyProfile(deps: Pick<HoursDeps, 'hours'>, user: User): Promise<Volunteer> {
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer) throw new NotFoundError('volunteer profile', user.sub);
  return volunteer;
}
