// The daily erasure: a closed account's records are kept for the municipality for its programme's retention years
// (close-my-account.ts fixes `retainedUntil`), and erased the day after — GDPR Art. 5(1)(e), storage limitation.
import { rigaDate, type Clock } from '../../clock.js';
import type { AccountRemover, ErasureStore, FileEraser } from '../erasure.js';

export interface ErasureDeps {
  erasure: ErasureStore;
  files: FileEraser;
  accounts: AccountRemover;
  clock: Clock;
  onError?: (error: unknown, volunteerId: string) => void;
}

export interface ErasureCounts {
  erased: number;
  failed: number;
}

/** When the erasure runs each night, Riga time (infra's schedule; locally the hourly tick of this hour). */
export const ERASURE_AT = { hour: 3, minute: 30 } as const;

/** Profiles erased per firing at most; the rest wait for the next day's run (a year's closures fit many times over). */
export const ERASURES_PER_RUN = 500;

/**
 * One run. For each closed profile whose last retained day is before today (Europe/Riga), surveyed once: 1. its
 * files (so a failed deletion is retried while the records naming them still exist)  2. the records it holds  3. the account at the identity provider  4. the profile last, so a run
 * that fails midway leaves the profile in the queue and the next run finishes the job. A failure is counted and reported and
 * does not stop the others.
 */
export async function eraseExpiredAccounts(deps: ErasureDeps): Promise<ErasureCounts> {
  const counts: ErasureCounts = { erased: 0, failed: 0 };
  for (const due of await deps.erasure.due(rigaDate(deps.clock.now()), ERASURES_PER_RUN)) {
    try {
      const held = await deps.erasure.survey(due.volunteerId);
      await deps.files.erase(held.files);
      for (const prefix of held.prefixes) await deps.files.erasePrefix(prefix);
      await deps.erasure.eraseRecords(held);
      await deps.accounts.remove(due.volunteerId);
      await deps.erasure.eraseProfile(due.volunteerId);
      counts.erased++;
    } catch (error) {
      counts.failed++;
      deps.onError?.(error, due.volunteerId);
    }
  }
  return counts;
}
