// The year a report or export covers when the request names none.
import { rigaDate, systemClock } from '../domain/clock.js';

/** The requested year, or the current calendar year in Europe/Riga. */
export const yearOr = (year: number | undefined): number => year ?? Number(rigaDate(systemClock.now()).slice(0, 4));
