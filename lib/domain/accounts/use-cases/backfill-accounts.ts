// A one-off backfill of what earlier releases did not write, run at deploy time:
// 1. every closed account is closed again by the same use case (closeMyAccount is idempotent), so those closed before
//    closure did all it does now get the rest: the retention end and the erasure queue, the name and address replaced
//    on the profile, the entries and the certificates, pending certificate emails dropped, sign-in disabled. All of
//    them, not only those without a retention end: a run that failed half-way through an account has written its
//    retention end already, and the next run must still finish it.
// 2. move requests made before every request had its MOVELOG item get one, so the export and the erasure find all of
//    a young person's requests, not only the newest.
// One pass over the table finds both; a run with nothing failed leaves a marker, and later deploys skip the pass.
// Retention is counted from the closure with the municipality's retentionYears as it is at the backfill.
import type { User } from '../../identity/types.js';
import type { MoveRequest } from '../moves.js';
import { closeMyAccount, type ClosureDeps } from './close-my-account.js';

/** The name of this backfill's marker: bump it when the backfill learns something new to do. */
export const BACKFILL_MARKER = 'backfill-accounts-1';

export type LoggableMove = Pick<MoveRequest, 'id' | 'volunteerId' | 'requestedAt'>;

export interface LegacySurvey {
  /** Ids of every closed profile. */
  closedAccounts: string[];
  /** Move requests that have no MOVELOG item under their volunteer. */
  movesWithoutLog: LoggableMove[];
  /** Items of those kinds too malformed to act on (reported, skipped). */
  unreadable: number;
}

/** What the backfill reads and writes beyond the closure's ports. */
export interface LegacyRecords {
  /** Whether a run of `marker` finished with nothing failed. */
  done(marker: string): Promise<boolean>;
  markDone(marker: string, at: string): Promise<void>;
  /** One pass over the table. */
  survey(): Promise<LegacySurvey>;
  /** Writes the request's MOVELOG item while the request exists and the item does not; false otherwise. */
  logMove(request: LoggableMove): Promise<boolean>;
}

export interface BackfillDeps {
  closure: ClosureDeps;
  legacy: LegacyRecords;
  onError?: (error: unknown, what: string) => void;
}

export interface BackfillCounts {
  /** True when an earlier run had finished it: nothing was read. */
  skipped: boolean;
  /** Closed accounts closed again (retention, queue, pseudonyms, sign-in off: what was missing). */
  closedAgain: number;
  /** Move requests given their MOVELOG item. */
  moveLogs: number;
  /** Accounts or requests that failed, and items unreadable: the marker waits for a clean run. */
  failed: number;
}

export async function backfillAccounts(deps: BackfillDeps): Promise<BackfillCounts> {
  if (await deps.legacy.done(BACKFILL_MARKER)) return { skipped: true, closedAgain: 0, moveLogs: 0, failed: 0 };
  const survey = await deps.legacy.survey();
  const counts: BackfillCounts = { skipped: false, closedAgain: 0, moveLogs: 0, failed: survey.unreadable };
  for (const id of survey.closedAccounts) {
    const holder: User = { sub: id, role: 'youth', municipality: null, institution: null, email: null, name: null };
    try {
      await closeMyAccount(deps.closure, holder);
      counts.closedAgain++;
    } catch (error) {
      counts.failed++;
      deps.onError?.(error, `closed account ${id}`);
    }
  }
  for (const request of survey.movesWithoutLog) {
    try {
      if (await deps.legacy.logMove(request)) counts.moveLogs++;
    } catch (error) {
      counts.failed++;
      deps.onError?.(error, `move request ${request.id}`);
    }
  }
  if (counts.failed === 0) await deps.legacy.markDone(BACKFILL_MARKER, deps.closure.clock.now().toISOString());
  return counts;
}
