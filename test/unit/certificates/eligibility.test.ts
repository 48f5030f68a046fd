import { describe, expect, it } from 'vitest';
import {
  assessYear,
  dropsBelowThreshold,
  recognitionYear,
  rigaYear,
  type ApprovedMinutes,
} from '../../../lib/domain/certificates/eligibility.js';
import { ValidationError } from '../../../lib/domain/errors.js';
import { recognitionPolicy } from '../../../lib/domain/hours/recognition.js';
import { defaultProgramme } from '../../../lib/domain/hours/types.js';

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const anEntry = (over: Partial<ApprovedMinutes> = {}): ApprovedMinutes => ({ minutes: 120, activityDate: '2025-06-01', ...over });
/** `n` entries of `minutes` each on consecutive days of June 2025. */
const entries = (n: number, minutes: number): ApprovedMinutes[] =>
  Array.from({ length: n }, (_, i) => anEntry({ minutes, activityDate: `2025-06-${String(1 + (i % 30)).padStart(2, '0')}` }));

/** The programmes' one default (60 h, no tiers) and the Līvāni model, as the recognition rule reads them. */
const DEFAULT_POLICY = recognitionPolicy(defaultProgramme('LV-042'));
const livani = recognitionPolicy({ thresholdMinutes: h(50), tiers: [{ name: 'bronza', minMinutes: h(50) }, { name: 'sudrabs', minMinutes: h(100) }, { name: 'zelts', minMinutes: h(150) }] });

describe('eligibility at the threshold (Jēkabpils: 60 h)', () => {
  it.each([
    ['59 h 45 min', [anEntry({ minutes: h(59, 45) })], false, 15],
    ['59 h 59 min', [anEntry({ minutes: h(59, 59) })], false, 1],
    ['exactly 60 h', [anEntry({ minutes: h(60) })], true, 0],
    ['60 h from 239 quarter-hours + 15 min', [...entries(239, 15), anEntry({ minutes: 15 })], true, 0],
    ['59 h 45 min from 239 quarter-hours', entries(239, 15), false, 15],
    ['62 h 30 min', [anEntry({ minutes: h(40) }), anEntry({ minutes: h(22, 30) })], true, 0],
    ['nothing', [], false, h(60)],
  ])('%s → eligible %s, %s minutes missing', (_label, list, eligible, missing) => {
    const result = assessYear(list, DEFAULT_POLICY, 2025);
    expect(result.eligible).toBe(eligible);
    expect(result.minutesToThreshold).toBe(missing);
    expect(result.tier).toBeNull();
  });
});

describe('the calendar year is the activity date’s, not the approval date’s', () => {
  const base = anEntry({ minutes: h(59), activityDate: '2025-11-10', approvedAt: '2025-11-11T09:00:00Z' });

  it.each([
    ['dated 31 Dec 2025, approved the same evening', '2025-12-31', '2025-12-31T20:00:00Z', 2025, true],
    ['dated 31 Dec 2025, approved 20 Jan 2026 after the year ended', '2025-12-31', '2026-01-20T10:00:00Z', 2025, true],
    ['dated 31 Dec 2025, approved in March 2026 after the yearly run', '2025-12-31', '2026-03-02T10:00:00Z', 2025, true],
    ['dated 1 Jan 2026, approved 1 Jan 2026', '2026-01-01', '2026-01-01T12:00:00Z', 2025, false],
    ['dated 1 Jan 2026 counts for 2026', '2026-01-01', '2026-01-01T12:00:00Z', 2026, false],
    ['dated 1 Jan 2025 counts for 2025', '2025-01-01', '2025-01-02T12:00:00Z', 2025, true],
  ])('one hour %s → %i total eligible %s', (_label, activityDate, approvedAt, year, eligible) => {
    const result = assessYear([base, anEntry({ minutes: 60, activityDate, approvedAt })], DEFAULT_POLICY, year);
    expect(result.eligible).toBe(eligible);
  });

  it('totals only the year’s entries and reports their period', () => {
    const result = assessYear(
      [
        anEntry({ minutes: 30, activityDate: '2024-12-31' }),
        anEntry({ minutes: 45, activityDate: '2025-01-01' }),
        anEntry({ minutes: 60, activityDate: '2025-12-31' }),
        anEntry({ minutes: 90, activityDate: '2026-01-01' }),
      ],
      DEFAULT_POLICY,
      2025,
    );
    expect(result).toMatchObject({ year: 2025, totalMinutes: 105, entriesCounted: 2, period: { from: '2025-01-01', to: '2025-12-31' } });
  });

  it('has no period when nothing is dated in the year', () => {
    expect(assessYear([anEntry({ activityDate: '2024-05-05' })], DEFAULT_POLICY, 2025)).toMatchObject({ totalMinutes: 0, entriesCounted: 0, period: null });
  });
});

describe('reversals', () => {
  it('subtracts a reversal and flags a volunteer who falls below the threshold', () => {
    const approved = [anEntry({ minutes: h(50) }), anEntry({ minutes: h(10), activityDate: '2025-07-01' })];
    const before = assessYear(approved, DEFAULT_POLICY, 2025);
    const after = assessYear([...approved, anEntry({ minutes: -15, activityDate: '2025-07-01' })], DEFAULT_POLICY, 2025);
    expect(before.eligible).toBe(true);
    expect(after).toMatchObject({ totalMinutes: h(59, 45), eligible: false });
    expect(dropsBelowThreshold(before, after)).toBe(true);
    expect(dropsBelowThreshold(before, before)).toBe(false);
    expect(dropsBelowThreshold(after, before)).toBe(false);
  });

  it('never reports a negative total', () => {
    expect(assessYear([anEntry({ minutes: -30 })], DEFAULT_POLICY, 2025).totalMinutes).toBe(0);
  });
});

describe('tiers (Līvāni: bronza 50 h, sudrabs 100 h, zelts 150 h)', () => {
  it.each([
    [h(49, 59), false, null],
    [h(50), true, 'bronza'],
    [h(99, 45), true, 'bronza'],
    [h(100), true, 'sudrabs'],
    [h(149, 59), true, 'sudrabs'],
    [h(150), true, 'zelts'],
    [h(400), true, 'zelts'],
  ])('%i minutes → eligible %s, tier %s', (minutes, eligible, tier) => {
    const result = assessYear([anEntry({ minutes })], livani, 2025);
    expect(result.eligible).toBe(eligible);
    expect(result.tier?.id ?? null).toBe(tier);
  });

  it('adds up hours from several institutions', () => {
    const result = assessYear([anEntry({ minutes: h(60) }), anEntry({ minutes: h(45), activityDate: '2025-09-09' })], livani, 2025);
    expect(result.tier?.id).toBe('sudrabs');
  });
});

describe('entry checks', () => {
  it('uses the programmes\' default: 60 h, no tiers', () => {
    expect(DEFAULT_POLICY).toEqual({ thresholdMinutes: h(60), tiers: [] });
  });

  it('reports every malformed entry at once', () => {
    let error: unknown;
    try {
      assessYear([anEntry({ minutes: 1.5 }), anEntry({ activityDate: '2025-13-01' }), anEntry({ activityDate: '31.12.2025' })], DEFAULT_POLICY, 2025);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['entries.0.minutes', 'entries.1.activityDate', 'entries.2.activityDate']);
  });
});

describe('the Riga calendar year', () => {
  it.each([
    ['2025-12-31T21:59:59Z', 2025, 2024],
    ['2025-12-31T22:00:00Z', 2026, 2025],
    ['2026-01-15T08:00:00Z', 2026, 2025],
    ['2025-06-30T21:30:00Z', 2025, 2024],
  ])('%s is %i in Rīga; a run started then covers %i', (instant, year, covered) => {
    expect(rigaYear(new Date(instant))).toBe(year);
    expect(recognitionYear(new Date(instant))).toBe(covered);
  });
});
