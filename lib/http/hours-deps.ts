// Wires the logbook's use cases to the DynamoDB repositories, the system clock and the configured event sink.
import { repositories } from '../data/repositories.js';
import { rigaDate, systemClock } from '../domain/clock.js';
import type { HoursDeps } from '../domain/hours/use-cases/deps.js';
import { eventSink } from '../events/sink.js';

export function hoursDeps(): HoursDeps {
  return { ...repositories(), clock: systemClock, events: eventSink() };
}

/** The requested year, or the current calendar year in Europe/Riga. */
export const yearOr = (year: number | undefined): number => year ?? Number(rigaDate(systemClock.now()).slice(0, 4));
