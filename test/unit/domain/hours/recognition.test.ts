import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessYear } from '../../../../lib/domain/certificates/eligibility.js';
import { recognise, recognitionPolicy } from '../../../../lib/domain/hours/recognition.js';
import { progressOf } from '../../../../lib/domain/hours/rules.js';
import { emptyTally } from '../../../../lib/domain/hours/types.js';
import { aProgramme } from '../../../support/hours-builders.js';

const h = (hours: number) => hours * 60;
const t = (name: string, hours: number) => ({ name, minMinutes: h(hours) });

describe('the recognition policy of a programme', () => {
  it('keeps a consistent programme as it is (Līvāni: 50 h; bronza 50, sudrabs 100, zelts 150)', () => {
    expect(recognitionPolicy({ thresholdMinutes: h(50), tiers: [t('bronza', 50), t('sudrabs', 100), t('zelts', 150)] })).toEqual({
      thresholdMinutes: h(50),
      tiers: [
        { id: 'bronza', name: { lv: 'bronza', en: 'bronza' }, minMinutes: h(50) },
        { id: 'sudrabs', name: { lv: 'sudrabs', en: 'sudrabs' }, minMinutes: h(100) },
        { id: 'zelts', name: { lv: 'zelts', en: 'zelts' }, minMinutes: h(150) },
      ],
    });
  });

  it.each([
    ['a tier below the threshold counts from it', h(60), [t('bronza', 50), t('sudrabs', 100)], [['bronza', h(60)], ['sudrabs', h(100)]]],
    ['of tiers that then share the threshold the highest stands', h(60), [t('bronza', 40), t('sudrabs', 50), t('zelts', 100)], [['sudrabs', h(60)], ['zelts', h(100)]]],
    ['of two tiers stored at one minimum the first listed stands', h(50), [t('bronza', 50), t('varš', 50)], [['bronza', h(50)]]],
    ['stored out of order, they ascend', h(50), [t('sudrabs', 100), t('bronza', 50)], [['bronza', h(50)], ['sudrabs', h(100)]]],
  ] as const)('stored before tiers were checked: %s', (_, thresholdMinutes, tiers, expected) => {
    expect(recognitionPolicy({ thresholdMinutes, tiers: [...tiers] }).tiers.map((x) => [x.name.lv, x.minMinutes])).toEqual(expected);
  });

  it('gives tiers whose names differ only in case ids of their own', () => {
    expect(recognitionPolicy({ thresholdMinutes: h(60), tiers: [t('Sudrabs', 100), t('sudrabs', 120)] }).tiers.map((x) => x.id)).toEqual(['sudrabs', 'sudrabs-2']);
  });

  const stored = fc.record({
    thresholdMinutes: fc.integer({ min: 1, max: 100_000 }),
    tiers: fc.array(fc.record({ name: fc.constantFrom('bronza', 'Bronza', 'sudrabs', 'zelts', 'ā', '—'), minMinutes: fc.integer({ min: 1, max: 100_000 }) }), { maxLength: 10 }),
  });

  it('is consistent for any stored programme: ascending, at or above the threshold, ids unique', () => {
    fc.assert(fc.property(stored, (p) => {
      const { thresholdMinutes, tiers } = recognitionPolicy(p);
      expect(thresholdMinutes).toBe(p.thresholdMinutes);
      tiers.forEach((tier, i) => {
        expect(tier.minMinutes).toBeGreaterThanOrEqual(thresholdMinutes);
        if (i > 0) expect(tier.minMinutes).toBeGreaterThan(tiers[i - 1]!.minMinutes);
      });
      expect(new Set(tiers.map((x) => x.id)).size).toBe(tiers.length);
    }));
  });

  it('gives progress and certificate eligibility the same answer for any stored programme and total', () => {
    fc.assert(fc.property(stored, fc.integer({ min: 0, max: 120_000 }), (p, minutes) => {
      const programme = aProgramme(p);
      const progress = progressOf({ ...emptyTally('y-1', 'LV-042', 2025), approvedMinutes: minutes }, programme);
      const year = assessYear(minutes > 0 ? [{ minutes, activityDate: '2025-06-01' }] : [], recognitionPolicy(programme), 2025);
      const rule = recognise(minutes, recognitionPolicy(programme));
      expect([progress.eligible, year.eligible]).toEqual([rule.eligible, rule.eligible]);
      expect([progress.tierReached, year.tier?.name.lv ?? null]).toEqual([rule.tier?.name.lv ?? null, rule.tier?.name.lv ?? null]);
      expect([progress.minutesStillNeeded, year.minutesToThreshold]).toEqual([rule.minutesStillNeeded, rule.minutesStillNeeded]);
    }));
  });
});

describe('what approved minutes earn', () => {
  const livani = recognitionPolicy({ thresholdMinutes: h(50), tiers: [t('bronza', 50), t('sudrabs', 100), t('zelts', 150)] });
  it.each([
    [h(50) - 1, false, null, 1],
    [h(50), true, 'bronza', 0],
    [h(100) - 15, true, 'bronza', 0],
    [h(100), true, 'sudrabs', 0],
    [h(160), true, 'zelts', 0],
    [0, false, null, h(50)],
  ])('%i minutes → eligible %s, tier %s, %i still needed', (minutes, eligible, tier, needed) => {
    const r = recognise(minutes, livani);
    expect([r.eligible, r.tier?.id ?? null, r.minutesStillNeeded]).toEqual([eligible, tier, needed]);
  });
});
