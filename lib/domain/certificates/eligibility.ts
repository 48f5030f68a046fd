// Certificate eligibility: a volunteer's approved minutes in one Riga calendar year, under the recognition rule
// (lib/domain/hours/recognition.ts: the programme's threshold and tiers, the one home of that rule and its default).
import { rigaDate } from '../clock.js';
import type { FieldIssue } from '../errors.js';
import { ValidationError } from '../errors.js';
import { recognise, type RecognitionPolicy, type RecognitionTier } from '../hours/recognition.js';

/**
 * One approved logbook entry as eligibility sees it. `activityDate` is the day the work was done, as
 * a Europe/Riga calendar date (YYYY-MM-DD) — the logbook records it that way. `minutes` is signed so
 * that a reversal (a correction of an approved entry) can be fed in as a negative amount.
 * `approvedAt` is carried only to make explicit that it does not count: the year is the activity's.
 */
export interface ApprovedMinutes {
  minutes: number;
  activityDate: string;
  approvedAt?: string;
}

export interface YearEligibility {
  year: number;
  /** Approved minutes dated inside the year (never below 0, even if reversals outweigh entries). */
  totalMinutes: number;
  eligible: boolean;
  /** The highest tier reached, null below the first tier or when the policy has none. */
  tier: RecognitionTier | null;
  /** How many minutes are still missing to the threshold (0 once eligible). */
  minutesToThreshold: number;
  /** Number of entries dated inside the year. */
  entriesCounted: number;
  /** First and last activity date inside the year, null when nothing counted. */
  period: { from: string; to: string } | null;
}

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Totals the approved minutes whose activity date falls in `year` and applies the policy.
 * Entries outside the year are ignored whatever their approval date, so hours dated 31 December but
 * approved in January count for the old year, and hours dated 1 January count for the new one.
 * Throws ValidationError for a malformed entry (that is a bug upstream, not user input); the policy comes from
 * recognitionPolicy, consistent by construction.
 */
export function assessYear(entries: readonly ApprovedMinutes[], policy: RecognitionPolicy, year: number): YearEligibility {
  const issues: FieldIssue[] = [];
  entries.forEach((e, i) => {
    if (!Number.isInteger(e.minutes)) issues.push({ field: `entries.${i}.minutes`, rule: 'integer', message: 'must be a whole number of minutes' });
    if (!ISO_DATE.test(e.activityDate)) issues.push({ field: `entries.${i}.activityDate`, rule: 'iso-date', message: 'must be YYYY-MM-DD' });
  });
  if (issues.length > 0) throw new ValidationError(issues);

  const prefix = `${String(year).padStart(4, '0')}-`;
  let sum = 0;
  let counted = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (const e of entries) {
    if (!e.activityDate.startsWith(prefix)) continue;
    sum += e.minutes;
    counted++;
    if (from === null || e.activityDate < from) from = e.activityDate;
    if (to === null || e.activityDate > to) to = e.activityDate;
  }
  const totalMinutes = Math.max(0, sum);
  const { eligible, tier, minutesStillNeeded } = recognise(totalMinutes, policy);
  return {
    year,
    totalMinutes,
    eligible,
    tier,
    minutesToThreshold: minutesStillNeeded,
    entriesCounted: counted,
    period: from !== null && to !== null ? { from, to } : null,
  };
}

/** The calendar year (Europe/Riga) an instant belongs to: 2025-12-31T22:30Z is already 2026 in Rīga. */
export function rigaYear(at: Date): number {
  return Number(rigaDate(at).slice(0, 4));
}

/** The year a yearly recognition run started at `now` covers: the previous Riga calendar year. */
export function recognitionYear(now: Date): number {
  return rigaYear(now) - 1;
}

/** True when a reversal leaves a previously eligible volunteer below the threshold (flag for the coordinator). */
export function dropsBelowThreshold(before: YearEligibility, after: YearEligibility): boolean {
  return before.eligible && !after.eligible;
}
