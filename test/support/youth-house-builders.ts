// Builders for youth-house tests: a valid opportunity input (shifts in the future), and deps over given repositories.
import type { OpportunityInput } from '../../lib/domain/youth-house/types.js';

/** An instant `days` from now at `hourUtc`:00 UTC (08:00 UTC = 10:00 or 11:00 in Riga), as ISO with Z. */
export const inDays = (days: number, hourUtc = 8) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

export function anOpportunityInput(overrides: Partial<OpportunityInput> = {}): OpportunityInput {
  return {
    kind: 'event',
    title: { lv: 'Talka Mežaparkā', en: 'Clean-up in the park' },
    description: { lv: 'Sakopsim parku kopā.' },
    topics: ['environment-climate', 'volunteering'],
    place: { type: 'address', address: 'Brīvības iela 120, Jēkabpils', coordinates: { lat: 56.4998, lon: 25.8574 } },
    ageRange: { min: 13, max: 25 },
    shifts: [{ start: inDays(10), durationMinutes: 120, places: 10 }],
    creditedMinutesPerShift: 120,
    signUpDeadline: inDays(9),
    contact: { name: 'Jēkabpils jauniešu centrs', email: 'jc@example.lv' },
    ...overrides,
  };
}
