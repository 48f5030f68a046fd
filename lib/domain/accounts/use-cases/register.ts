// Self-registration of young people: the pre-sign-up check and the post-confirmation completion (group, municipality, profile).
import { rigaDate, type Clock } from '../../clock.js';
import type { HoursRepository } from '../../hours/ports.js';
import { defaultProgramme } from '../../hours/types.js';
import type { Municipality } from '../../municipalities/types.js';
import type { AccountDirectory } from '../ports.js';
import { checkRegistration } from '../registration.js';

/** The attribute a registrant writes: their home municipality as requested, copied to the trusted `custom:municipality` on confirmation. */
export const HOME_MUNICIPALITY = 'custom:home_municipality';

export interface RegistrationDeps {
  hours: Pick<HoursRepository, 'getProgramme' | 'getVolunteer' | 'putVolunteer'>;
  municipalities: readonly Municipality[];
  clock: Clock;
}

export type SignUpAttributes = Record<string, string | undefined>;

/** Throws the first broken rule (a RuleViolation with Latvian and English text); Cognito refuses the sign-up with it. */
export async function validateSignUp(deps: RegistrationDeps, attributes: SignUpAttributes): Promise<void> {
  const today = rigaDate(deps.clock.now());
  const municipality = attributes[HOME_MUNICIPALITY];
  const programme = municipality ? (await deps.hours.getProgramme(municipality)) ?? defaultProgramme(municipality) : defaultProgramme('');
  const violation = checkRegistration({ birthDate: attributes.birthdate, municipality }, today, deps.municipalities, programme);
  if (violation) throw violation;
}

/**
 * After the email is confirmed: 1. check again (the rules may have changed since sign-up)  2. the volunteer
 * profile (idempotent: a retried confirmation keeps createdAt)  3. the trusted municipality  4. the `youth` group
 * last, because the group is what lets the token in: a failure before it leaves an account that cannot act,
 * never a youth without a profile or municipality; a retry completes it.
 */
export async function completeRegistration(
  deps: RegistrationDeps & { directory: AccountDirectory },
  registrant: { sub: string; username: string; attributes: SignUpAttributes },
): Promise<void> {
  await validateSignUp(deps, registrant.attributes);
  const a = registrant.attributes;
  const municipality = a[HOME_MUNICIPALITY]!;
  const now = deps.clock.now().toISOString();
  const existing = await deps.hours.getVolunteer(registrant.sub);
  await deps.hours.putVolunteer({
    id: registrant.sub,
    name: (a.name ?? a.email ?? '').slice(0, 120),
    birthDate: a.birthdate!,
    email: a.email ?? '',
    municipality,
    inBasicSchool: existing?.inBasicSchool ?? false,
    guardianConsent: existing?.guardianConsent ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  await deps.directory.setTrustedAttributes(registrant.username, { municipality });
  await deps.directory.addToGroup(registrant.username, 'youth');
}
