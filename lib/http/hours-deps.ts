// Wires the logbook's use cases to the DynamoDB repositories, the system clock and the configured event sink.
import { repositories } from '../data/repositories.js';
import { rigaDate, systemClock } from '../domain/clock.js';
import type { HoursDeps } from '../domain/hours/use-cases/deps.js';
import { assertActsFor, type User } from '../domain/identity/types.js';
import { eventSink } from '../events/sink.js';

export function hoursDeps(): HoursDeps {
  return { ...repositories(), clock: systemClock, events: eventSink() };
}

/** The requested year, or the current calendar year in Europe/Riga. */
export const yearOr = (year: number | undefined): number => year ?? Number(rigaDate(systemClock.now()).slice(0, 4));

/** Staff read only their own municipality (the agency every one); youth may look at any, to volunteer across borders. */
export function assertReads(user: User, municipality: string): void {
  if (user.role === 'youth') return;
  assertActsFor(user, municipality);
}


