// Young people's self-registration: who may open an account (known municipality valid today, age within the programme's range).
import { RuleViolation } from '../errors.js';
import { ageOn } from '../hours/rules.js';
import type { Programme } from '../hours/types.js';
import { isValidOn, type Municipality } from '../municipalities/types.js';

export interface RegistrationInput {
  birthDate: string | undefined;
  municipality: string | undefined;
}

const v = (id: string, lv: string, en: string, field: string) => new RuleViolation(`accounts.${id}`, { lv, en }, field);

/**
 * The first broken rule of a registration on `today` (Europe/Riga), or undefined. The age limits are the
 * municipality's programme's (lib/domain/hours: `ageOn`, `minAge`, `maxAge`), so a registration and an
 * hour entry can never disagree on who is young enough.
 */
export function checkRegistration(
  input: RegistrationInput,
  today: string,
  municipalities: readonly Municipality[],
  programme: Pick<Programme, 'minAge' | 'maxAge'>,
): RuleViolation | undefined {
  const municipality = municipalities.find((m) => m.code === input.municipality);
  if (!municipality || !isValidOn(municipality, today)) {
    return v('unknown-municipality', 'Norādītā pašvaldība nav zināma vai vairs nepastāv', 'The municipality is unknown or no longer exists', 'municipality');
  }
  if (!input.birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate) || Number.isNaN(Date.parse(input.birthDate)) || input.birthDate > today) {
    return v('birth-date', 'Dzimšanas datumam jābūt derīgam datumam (GGGG-MM-DD), ne nākotnē', 'The birth date must be a valid date (YYYY-MM-DD), not in the future', 'birthdate');
  }
  const age = ageOn(input.birthDate, today);
  if (age < programme.minAge) {
    return v('age-below-minimum', `Reģistrēties var no ${programme.minAge} gadu vecuma`, `You can register from the age of ${programme.minAge}`, 'birthdate');
  }
  if (age > programme.maxAge) {
    return v('age-above-maximum', `Programma attiecas uz jauniešiem līdz ${programme.maxAge} gadu vecumam`, `The programme covers young people up to age ${programme.maxAge}`, 'birthdate');
  }
  return undefined;
}
