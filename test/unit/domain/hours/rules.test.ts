import { describe, expect, it } from 'vitest';
import { ageOn, checkDecision, checkProfile, checkEntry, checkProgramme, decide, isoWeek, nextTally, progressOf, reverse, tierReached, type EntryContext } from '../../../../lib/domain/hours/rules.js';
import { emptyTally, type HourEntry } from '../../../../lib/domain/hours/types.js';
import { RuleViolation } from '../../../../lib/domain/errors.js';
import { aProgramme, aVolunteer, anEntryInput, anHourEntry, anInstitution } from '../../../support/hours-builders.js';

const consent = { name: 'Inga Ķēniņa', relation: 'parent' as const, date: '2020-01-01', via: 'email-link' as const, withdrawnAt: null };
const ctx = (overrides: Partial<EntryContext> = {}): EntryContext => ({
  volunteer: aVolunteer(), institution: anInstitution(), institutionMunicipality: { validFrom: '2021-07-01', validTo: null }, programme: aProgramme(), institutionProgramme: aProgramme(),
  sameWeek: [], today: '2026-03-20', ...overrides,
});
const ruleOf = (r: RuleViolation | undefined) => r?.ruleId ?? null;
const day = (date: string, minutes: number, state: HourEntry['state'] = 'pending', startTime?: string) =>
  ({ date, minutes, state, approvedMinutes: state === 'approved' ? minutes : 0, ...(startTime ? { startTime } : {}) });

describe('ageOn', () => {
  it.each([
    ['2013-03-10', '2026-03-09', 12],
    ['2013-03-10', '2026-03-10', 13],
    ['2013-03-10', '2026-03-11', 13],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2000-12-31', '2026-01-01', 25],
  ])('born %s is on %s aged %i', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});

describe('checkProfile', () => {
  it.each([
    ['a birth date of today is accepted', '2026-03-20', null, null],
    ['a birth date tomorrow is refused', '2026-03-21', null, 'hours.birth-date-future'],
  ])('%s', (_, birthDate, _unused, rule) => {
    expect(ruleOf(checkProfile({ birthDate }, '2026-03-20'))).toBe(rule);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-03-09', '2026-03-09', '2026-03-15'],
    ['2026-03-15', '2026-03-09', '2026-03-15'],
    ['2026-01-01', '2025-12-29', '2026-01-04'],
  ])('%s lies in the week %s – %s', (date, from, to) => {
    expect(isoWeek(date)).toEqual({ from, to });
  });
});

describe('checkEntry', () => {
  it.each([
    ['refuses hours logged on the day before the 13th birthday', { birthDate: '2013-03-10', guardianConsent: consent }, anEntryInput({ date: '2026-03-09' }), 'hours.age-below-13'],
    ['accepts hours on the 13th birthday with consent', { birthDate: '2013-03-10', guardianConsent: consent }, anEntryInput({ date: '2026-03-10' }), null],
    ['refuses a 16-year-old without consent', { birthDate: '2009-03-11' }, anEntryInput({ date: '2026-03-10' }), 'hours.consent-missing'],
    ['accepts a youth on the 17th birthday without consent', { birthDate: '2009-03-10' }, anEntryInput({ date: '2026-03-10' }), null],
    ['refuses consent dated after the activity', { birthDate: '2011-01-01', guardianConsent: { ...consent, date: '2026-03-11' } }, anEntryInput({ date: '2026-03-10' }), 'hours.consent-missing'],
    ['accepts a 14-year-old with a paper consent', { birthDate: '2012-01-01', guardianConsent: { ...consent, via: 'paper' as const } }, anEntryInput({ date: '2026-03-10' }), null],
    ['refuses a 14-year-old whose guardian withdrew consent, even for work before the withdrawal', { birthDate: '2012-01-01', guardianConsent: { ...consent, withdrawnAt: '2026-03-15T10:00:00.000Z' } }, anEntryInput({ date: '2026-03-10' }), 'hours.consent-missing'],
    ['accepts a 17-year-old whose guardian once withdrew consent (no longer needed)', { birthDate: '2009-01-01', guardianConsent: { ...consent, withdrawnAt: '2026-03-15T10:00:00.000Z' } }, anEntryInput({ date: '2026-03-10' }), null],
    ['accepts a 25-year-old on the day before the 26th birthday', { birthDate: '2000-03-11' }, anEntryInput({ date: '2026-03-10' }), null],
    ['refuses a 26-year-old', { birthDate: '2000-03-10' }, anEntryInput({ date: '2026-03-10' }), 'hours.age-above-maximum'],
    ['refuses 50 minutes (not a 15-minute step)', {}, anEntryInput({ minutes: 50 }), 'hours.duration-step'],
    ['refuses an entry running past midnight', {}, anEntryInput({ startTime: '23:00', minutes: 90 }), 'hours.crosses-midnight'],
    ['accepts an entry ending exactly at midnight', {}, anEntryInput({ startTime: '23:00', minutes: 60 }), null],
  ])('%s', (_name, volunteer, entry, rule) => {
    expect(ruleOf(checkEntry(entry, ctx({ volunteer: aVolunteer(volunteer) })))).toBe(rule);
  });

  it.each([
    ['today', '2026-03-20', '2026-03-20', null],
    ['tomorrow', '2026-03-21', '2026-03-20', 'hours.future-date'],
    ['last year on 31 January', '2025-12-31', '2026-01-31', null],
    ['last year on 1 February', '2025-12-31', '2026-02-01', 'hours.entry-too-old'],
    ['two years back in January', '2024-12-31', '2026-01-10', 'hours.entry-too-old'],
  ])('dates: an entry dated %s', (_name, date, today, rule) => {
    expect(ruleOf(checkEntry(anEntryInput({ date }), ctx({ today })))).toBe(rule);
  });

  it('honours a configured late-entry deadline', () => {
    const programme = aProgramme({ lateEntryDeadline: '02-15' });
    expect(ruleOf(checkEntry(anEntryInput({ date: '2025-12-31' }), ctx({ today: '2026-02-15', programme })))).toBeNull();
    expect(ruleOf(checkEntry(anEntryInput({ date: '2025-12-31' }), ctx({ today: '2026-02-16', programme })))).toBe('hours.entry-too-old');
  });

  it('honours a configured consent age: consent up to 15 lets a 16-year-old log alone', () => {
    const volunteer = aVolunteer({ birthDate: '2010-01-01' });
    expect(ruleOf(checkEntry(anEntryInput(), ctx({ volunteer })))).toBe('hours.consent-missing');
    expect(ruleOf(checkEntry(anEntryInput(), ctx({ volunteer, programme: aProgramme({ consentUpToAge: 15 }) })))).toBeNull();
  });

  const child = aVolunteer({ birthDate: '2012-01-01', guardianConsent: consent }); // 14 in March 2026
  const minor = aVolunteer({ birthDate: '2010-01-01', guardianConsent: consent }); // 16
  const schoolMinor = aVolunteer({ birthDate: '2009-01-01', inBasicSchool: true }); // 17, still in basic school
  const adult = aVolunteer({ birthDate: '2005-01-01' });

  it.each([
    ['a child: 4 h in one day', child, [day('2026-03-10', 180)], 60, null],
    ['a child: 4 h 15 min in one day', child, [day('2026-03-10', 180)], 75, 'hours.minor-daily-cap'],
    ['a child: approved and pending entries of the day both count', child, [day('2026-03-10', 120, 'approved'), day('2026-03-10', 120)], 15, 'hours.minor-daily-cap'],
    ['a child: rejected and reversed entries do not count', child, [day('2026-03-10', 240, 'rejected'), day('2026-03-10', 240, 'reversed')], 240, null],
    ['a 17-year-old in basic school: child cap', schoolMinor, [], 255, 'hours.minor-daily-cap'],
    ['a 16-year-old: 7 h in one day', minor, [day('2026-03-10', 360)], 60, null],
    ['a 16-year-old: 7 h 15 min in one day', minor, [day('2026-03-10', 360)], 75, 'hours.minor-daily-cap'],
    ['a 16-year-old: a week of exactly 35 h', minor, ['2026-03-09', '2026-03-11', '2026-03-12', '2026-03-13'].map((d) => day(d, 420)), 420, null],
    ['a 16-year-old: a week of 35 h 15 min', minor, ['2026-03-09', '2026-03-11', '2026-03-12', '2026-03-13'].map((d) => day(d, 420)).concat(day('2026-03-14', 15)), 420, 'hours.minor-weekly-cap'],
    ['an adult: 12 h in one day', adult, [day('2026-03-10', 660)], 60, null],
    ['an adult: 12 h 15 min in one day', adult, [day('2026-03-10', 660)], 75, 'hours.adult-daily-cap'],
    ['an adult: no weekly cap', adult, ['2026-03-09', '2026-03-11', '2026-03-12', '2026-03-13'].map((d) => day(d, 720)), 720, null],
  ])('caps: %s', (_name, volunteer, sameWeek, minutes, rule) => {
    expect(ruleOf(checkEntry(anEntryInput({ minutes }), ctx({ volunteer, sameWeek })))).toBe(rule);
  });

  it.each([
    ['06:00–08:00', '06:00', 120, null],
    ['05:45–06:45', '05:45', 60, 'hours.minor-night-work'],
    ['18:00–20:00', '18:00', 120, null],
    ['18:00–20:15', '18:00', 135, 'hours.minor-night-work'],
  ])('a child working %s', (_name, startTime, minutes, rule) => {
    expect(ruleOf(checkEntry(anEntryInput({ startTime, minutes }), ctx({ volunteer: child })))).toBe(rule);
  });

  it('lets a 15-year-old work in the evening', () => {
    const fifteen = aVolunteer({ birthDate: '2011-01-01', guardianConsent: consent });
    expect(ruleOf(checkEntry(anEntryInput({ startTime: '19:00', minutes: 120 }), ctx({ volunteer: fifteen })))).toBeNull();
  });

  it.each([
    ['touching intervals', '09:00', 60, '10:00', null],
    ['overlapping by 15 minutes', '09:00', 75, '10:00', 'hours.overlap'],
    ['the other entry has no start time', '09:00', 60, undefined, null],
  ])('overlap: %s', (_name, startTime, minutes, otherStart, rule) => {
    const sameWeek = [day('2026-03-10', 60, 'pending', otherStart)];
    expect(ruleOf(checkEntry(anEntryInput({ startTime, minutes }), ctx({ sameWeek })))).toBe(rule);
  });

  it.each([
    ['an inactive institution', anInstitution({ active: false }), false, 'hours.institution-inactive'],
    ['an institution of another municipality that does not accept outsiders', anInstitution({ municipality: 'LV-RIX' }), false, 'hours.other-municipality'],
    ['an institution of another municipality that accepts outsiders', anInstitution({ municipality: 'LV-RIX' }), true, null],
  ])('institutions: %s', (_name, institution, accepts, rule) => {
    const institutionProgramme = aProgramme({ municipality: institution.municipality, acceptsOtherMunicipalities: accepts });
    expect(ruleOf(checkEntry(anEntryInput(), ctx({ institution, institutionProgramme })))).toBe(rule);
  });

  it.each([
    ['a municipality unknown to the registry', undefined, 'hours.institution-municipality'],
    ['a municipality merged away before the activity date', { validFrom: '2021-07-01', validTo: '2025-06-30' }, 'hours.institution-municipality'],
    ['a municipality on its last day', { validFrom: '2021-07-01', validTo: '2026-03-10' }, null],
  ])('institution municipality: %s', (_name, institutionMunicipality, rule) => {
    expect(ruleOf(checkEntry(anEntryInput(), ctx({ institutionMunicipality })))).toBe(rule);
  });

  it('reports the rule bilingually with the offending field', () => {
    const violation = checkEntry(anEntryInput({ minutes: 75 }), ctx({ volunteer: child, sameWeek: [day('2026-03-10', 180)] }));
    expect(violation).toBeInstanceOf(RuleViolation);
    expect(violation?.field).toBe('body.minutes');
    expect(violation?.title.lv).toContain('4 h dienā');
    expect(violation?.title.en).toContain('at most 4 h a day');
  });
});

describe('Latvian messages', () => {
  // "darba dienā" reads as "on a working day"; the rule means the day the work was done
  it('names the day of the work, not a working day, in the minimum-age rule', () => {
    const r = checkEntry(anEntryInput({ date: '2026-03-09' }), ctx({ volunteer: aVolunteer({ birthDate: '2013-03-10', guardianConsent: consent }) }));
    expect(r?.title.lv).toBe('Brīvprātīgajam darba veikšanas dienā jābūt vismaz 13 gadus vecam');
  });

  it('says the approved minutes must be fewer in grammatical Latvian', () => {
    const r = checkDecision(anHourEntry({ minutes: 60 }), { decision: 'approve-fewer', approvedMinutes: 60, comment: 'x' }, 'sup-1');
    expect(r?.title.lv).toBe('Apstiprināto minūšu skaitam jābūt mazākam par pieteikto');
  });
});

describe('decisions', () => {
  it.each([
    ['a supervisor deciding their own entry', anHourEntry({ volunteerId: 's-1' }), { decision: 'approve' as const }, 'hours.own-entry'],
    ['an entry already decided', anHourEntry({ state: 'approved' }), { decision: 'approve' as const }, 'hours.not-pending'],
    ['approve-fewer with equal minutes', anHourEntry({ minutes: 60 }), { decision: 'approve-fewer' as const, approvedMinutes: 60, comment: 'x' }, 'hours.approve-fewer-not-fewer'],
    ['approve-fewer off the 15-minute step', anHourEntry({ minutes: 60 }), { decision: 'approve-fewer' as const, approvedMinutes: 40, comment: 'x' }, 'hours.duration-step'],
    ['approve-fewer by 15 minutes', anHourEntry({ minutes: 60 }), { decision: 'approve-fewer' as const, approvedMinutes: 45, comment: 'x' }, null],
    ['a rejection', anHourEntry(), { decision: 'reject' as const, reason: 'Nebija' }, null],
  ])('checkDecision: %s', (_name, entry, decision, rule) => {
    expect(ruleOf(checkDecision(entry, decision, 's-1'))).toBe(rule);
  });

  it.each([
    [{ decision: 'approve' as const }, 'approved', 60, null],
    [{ decision: 'approve-fewer' as const, approvedMinutes: 45, comment: 'Sāka vēlāk' }, 'approved', 45, 'Sāka vēlāk'],
    [{ decision: 'reject' as const, reason: 'Nebija klāt' }, 'rejected', 0, 'Nebija klāt'],
  ])('decide %o', (decision, state, approvedMinutes, comment) => {
    const after = decide(anHourEntry({ minutes: 60 }), decision, 's-1', '2026-03-11T08:00:00.000Z');
    expect(after).toMatchObject({ state, approvedMinutes, comment, decidedBy: 's-1', version: 2 });
  });

  it('reverses only approved entries', () => {
    expect(ruleOf(reverse(anHourEntry(), 'x', 'c-1', 'now') as RuleViolation)).toBe('hours.not-approved');
    expect(reverse(anHourEntry({ state: 'approved', approvedMinutes: 60 }), 'Kļūda', 'c-1', 'now')).toMatchObject({ state: 'reversed', approvedMinutes: 0, comment: 'Kļūda' });
  });
});

describe('tallies', () => {
  const p = aProgramme({ thresholdMinutes: 3600, tiers: [{ name: 'bronza', minMinutes: 3000 }, { name: 'sudrabs', minMinutes: 6000 }] });

  it.each([
    [3540, 45, false, false],
    [3540, 60, true, true],
    [3600, 15, true, false],
  ])('from %i approved minutes, approving %i more: eligible=%s, first=%s', (before, more, eligible, first) => {
    const tally = { ...emptyTally('y-1', 'LV-042', 2026), approvedMinutes: before, pendingMinutes: more, thresholdReachedAt: before >= 3600 ? 'earlier' : null };
    const { tally: after, firstReached } = nextTally(tally, { pending: -more, approved: more }, p, 'now');
    expect(after).toMatchObject({ approvedMinutes: before + more, pendingMinutes: 0, eligible });
    expect(firstReached).toBe(first);
  });

  it('fires the threshold once: a reversal below and a new approval above do not reach it again', () => {
    const reached = nextTally(emptyTally('y-1', 'LV-042', 2026), { pending: 0, approved: 3600 }, p, 't1');
    const reversed = nextTally(reached.tally, { pending: 0, approved: -60 }, p, 't2');
    expect(reversed.tally.eligible).toBe(false);
    const again = nextTally(reversed.tally, { pending: 0, approved: 60 }, p, 't3');
    expect([reached.firstReached, reversed.firstReached, again.firstReached]).toEqual([true, false, false]);
    expect(again.tally).toMatchObject({ eligible: true, thresholdReachedAt: 't1' });
  });

  // `p` was stored before tiers were checked (bronza below the threshold): progress shows the tier the certificate
  // would carry, so bronza counts from the threshold.
  it.each([
    [2999, null, 601],
    [3000, null, 600],
    [3600, 'bronza', 0],
    [5999, 'bronza', 0],
    [6000, 'sudrabs', 0],
  ])('with %i approved minutes the tier is %s and %i minutes are still needed', (approved, tier, needed) => {
    const progress = progressOf({ ...emptyTally('y-1', 'LV-042', 2026), approvedMinutes: approved }, p);
    expect(progress.tierReached).toBe(tier);
    expect(progress.minutesStillNeeded).toBe(needed);
    expect(tierReached(approved, p)).toBe(tier);
  });
});

describe('checkProgramme', () => {
  const t = (name: string, hours: number) => ({ name, minMinutes: hours * 60 });
  it.each([
    ['the Līvāni model (50 h threshold; 50/100/150 h)', 3000, [t('bronza', 50), t('sudrabs', 100), t('zelts', 150)], []],
    ['no tiers', 3600, [], []],
    ['a tier below the threshold', 3600, [t('bronza', 50), t('sudrabs', 100)], [['programme.tier-below-threshold', 'body.tiers.0.minMinutes']]],
    ['tiers out of order', 3000, [t('sudrabs', 100), t('bronza', 50)], [['programme.tiers-not-ascending', 'body.tiers.1.minMinutes']]],
    ['two tiers at one minimum', 3000, [t('bronza', 50), t('sudrabs', 50)], [['programme.tiers-not-ascending', 'body.tiers.1.minMinutes']]],
    ['one name twice, case aside', 3000, [t('Zelts', 50), t('zelts', 100)], [['programme.tier-name-duplicate', 'body.tiers.1.name']]],
    ['every problem at once', 3600, [t('bronza', 100), t('bronza', 50)], [
      ['programme.tier-below-threshold', 'body.tiers.1.minMinutes'], ['programme.tiers-not-ascending', 'body.tiers.1.minMinutes'], ['programme.tier-name-duplicate', 'body.tiers.1.name'],
    ]],
  ] as const)('%s', (_, thresholdMinutes, tiers, expected) => {
    const violation = checkProgramme({ thresholdMinutes, tiers: [...tiers] });
    expect(violation?.issues?.map((i) => [i.rule, i.field]) ?? []).toEqual(expected);
    if (expected.length) expect(violation).toMatchObject({ ruleId: expected[0]![0], field: expected[0]![1] });
  });

  it('names the tier and both minimums in Latvian and English', () => {
    const violation = checkProgramme({ thresholdMinutes: 3600, tiers: [t('bronza', 50)] })!;
    expect(violation.title).toEqual({
      lv: 'Līmeņa „bronza” minimums (50 h) nedrīkst būt zemāks par programmas slieksni (60 h)',
      en: "The minimum of tier “bronza” (50 h) must not be below the programme's threshold (60 h)",
    });
  });
});
