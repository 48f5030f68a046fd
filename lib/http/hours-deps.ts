// Wires the logbook's use cases to the DynamoDB repositories (which write their events to the outbox) and the system clock.
import { repositories } from '../data/repositories.js';
import { rigaDate, systemClock } from '../domain/clock.js';
import type { HoursDeps } from '../domain/hours/use-cases/deps.js';

export function hoursDeps(): HoursDeps {
  return { ...repositories(), clock: systemClock };
}

/** The requested year, or the current calendar year in Europe/Riga. */
export const yearOr = (year: number | undefined): number => year ?? Number(rigaDate(systemClock.now()).slice(0, 4));
