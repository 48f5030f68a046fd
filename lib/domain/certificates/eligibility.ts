// Certificate eligibility: a volunteer's approved minutes in one Riga calendar year against the programme's threshold and tiers.
import { rigaDate } from '../clock.js';
import type { Bilingual, FieldIssue } from '../errors.js';
import { ValidationError } from '../errors.js';

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

/** A recognition level above the threshold (Līvāni: bronze ≥ 50 h, silver ≥ 100 h, gold ≥ 150 h). */
export interface Tier {
  id: string;
  name: Bilingual;
  minMinutes: number;
}

/** The programme's recognition rule; per municipality (Jēkabpils 60 h, Olaine 50 h, Rīga 120 h …). */
export interface RecognitionPolicy {
  thresholdMinutes: number;
  /** Ascending by `minMinutes`, each at or above the threshold; may be empty. */
  tiers: readonly Tier[];
}

/** Jēkabpils, the seed project: 60 approved hours in the calendar year, no tiers. */
export const DEFAULT_POLICY: RecognitionPolicy = { thresholdMinutes: 60 * 60, tiers: [] };

export interface YearEligibility {
  year: number;
  /** Approved minutes dated inside the year (never below 0, even if reversals outweigh entries). */
  totalMinutes: number;
  eligible: boolean;
  /** The highest tier reached, null below the first tier or when the policy has none. */
  tier: Tier | null;
  /** How many minutes are still missing to the threshold (0 once eligible). */
  minutesToThreshold: number;
  /** Number of entries dated inside the year. */
  entriesCounted: number;
  /** First and last activity date inside the year, null when nothing counted. */
  period: { from: string; to: string } | null;
}

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Every problem of a policy at once (empty when the policy is usable). */
export function policyIssues(policy: RecognitionPolicy): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(policy.thresholdMinutes) || policy.thresholdMinutes <= 0) {
    issues.push({ field: 'thresholdMinutes', rule: 'positive-integer', message: 'must be a positive whole number of minutes' });
  }
  policy.tiers.forEach((tier, i) => {
    if (!Number.isInteger(tier.minMinutes) || tier.minMinutes < policy.thresholdMinutes) {
      issues.push({ field: `tiers.${i}.minMinutes`, rule: 'at-least-threshold', message: 'must be a whole number of minutes at or above the threshold' });
    }
    const previous = policy.tiers[i - 1];
    if (previous !== undefined && tier.minMinutes <= previous.minMinutes) {
      issues.push({ field: `tiers.${i}.minMinutes`, rule: 'ascending', message: 'must be above the previous tier' });
    }
    if (policy.tiers.findIndex((t) => t.id === tier.id) !== i) {
      issues.push({ field: `tiers.${i}.id`, rule: 'unique', message: 'must be unique within the programme' });
    }
  });
  return issues;
}

/**
 * Totals the approved minutes whose activity date falls in `year` and applies the policy.
 * Entries outside the year are ignored whatever their approval date, so hours dated 31 December but
 * approved in January count for the old year, and hours dated 1 January count for the new one.
 * Throws ValidationError for a malformed policy or entry (that is a bug upstream, not user input).
 */
export function assessYear(entries: readonly ApprovedMinutes[], policy: RecognitionPolicy, year: number): YearEligibility {
  const issues = policyIssues(policy);
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
  const eligible = totalMinutes >= policy.thresholdMinutes;
  let tier: Tier | null = null;
  for (const t of policy.tiers) if (totalMinutes >= t.minMinutes) tier = t;
  return {
    year,
    totalMinutes,
    eligible,
    tier,
    minutesToThreshold: Math.max(0, policy.thresholdMinutes - totalMinutes),
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
