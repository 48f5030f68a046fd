// Wires the logbook's use cases to the DynamoDB repositories, the system clock and the configured event sink.
import { repositories } from '../data/repositories.js';
import { rigaDate, systemClock } from '../domain/clock.js';
import type { HoursDeps } from '../domain/hours/use-cases/deps.js';
import { ValidationError } from '../domain/errors.js';
import { eventSink } from '../events/sink.js';

export function hoursDeps(): HoursDeps {
  return { ...repositories(), clock: systemClock, events: eventSink() };
}

/** The requested year, or the current calendar year in Europe/Riga. */
export const yearOr = (year: number | undefined): number => year ?? Number(rigaDate(systemClock.now()).slice(0, 4));

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The optional Idempotency-Key header: 8–128 characters of A–Z a–z 0–9 _ . : - */
export function idempotencyKey(headers: Record<string, string | undefined>): string | undefined {
  const value = headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw new ValidationError([{ field: 'header.idempotency-key', rule: 'invalid_format', message: 'Idempotency-Key must be 8–128 characters of A–Z a–z 0–9 _ . : -' }]);
  }
  return value;
}

