// A one-off, idempotent backfill of what earlier releases did not write, run at deploy time (and again harmlessly):
// 1. accounts closed before closure fixed `retainedUntil` get it, from their closure and their municipality's
//    retentionYears, and with it a place in the erasure queue  2. move requests made before every request had its
//    MOVELOG item get one, so the export and the erasure find all of a young person's requests, not only the newest.
import type { HoursRepository } from '../../hours/ports.js';
import { programmeOf } from '../../hours/use-cases/deps.js';
import type { MoveRequest } from '../moves.js';
import { retentionEnd } from './close-my-account.js';

/** What the backfill reads and writes beyond the hours repository: whole-table reads, once per deploy. */
export interface LegacyRecords {
  /** Ids of closed profiles without `retainedUntil`. */
  closedWithoutRetention(): Promise<string[]>;
  /** Move requests that have no MOVELOG item under their volunteer. */
  movesWithoutLog(): Promise<MoveRequest[]>;
  /** Writes the request's MOVELOG item unless it exists; false when it did. */
  logMove(request: MoveRequest): Promise<boolean>;
}

export interface BackfillDeps {
  hours: Pick<HoursRepository, 'getVolunteer' | 'putVolunteer' | 'getProgramme'>;
  legacy: LegacyRecords;
}

export interface BackfillCounts {
  /** Closed accounts given their retention end (and so queued for erasure). */
  retention: number;
  /** Move requests given their MOVELOG item. */
  moveLogs: number;
}

export async function backfillAccounts(deps: BackfillDeps): Promise<BackfillCounts> {
  let retention = 0;
  for (const id of await deps.legacy.closedWithoutRetention()) {
    const volunteer = await deps.hours.getVolunteer(id);
    // read again: a closure finishing meanwhile fixed it itself
    if (!volunteer?.closedAt || volunteer.retainedUntil) continue;
    const retainedUntil = retentionEnd(volunteer.closedAt, (await programmeOf(deps, volunteer.municipality)).retentionYears);
    await deps.hours.putVolunteer({ ...volunteer, retainedUntil });
    retention++;
  }
  let moveLogs = 0;
  for (const request of await deps.legacy.movesWithoutLog()) {
    if (await deps.legacy.logMove(request)) moveLogs++;
  }
  return { retention, moveLogs };
}
