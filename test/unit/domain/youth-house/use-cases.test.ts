import { describe, expect, it } from 'vitest';
import { ForbiddenError, RuleViolation } from '../../../../lib/domain/errors.js';
import { defaultProgramme } from '../../../../lib/domain/hours/types.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { jsonLdOf } from '../../../../lib/domain/youth-house/json-ld.js';
import type { YouthHouseRepository } from '../../../../lib/domain/youth-house/ports.js';
import { EYP_TOPIC_CODES, opportunityInputSchema, TOPICS, type Opportunity } from '../../../../lib/domain/youth-house/types.js';
import { createOpportunity, matches, signUp, viewOf, type YouthHouseDeps } from '../../../../lib/domain/youth-house/use-cases.js';
import { shiftPastMidnight } from '../../../../lib/domain/youth-house/types.js';
import { rigaTime } from '../../../../lib/domain/clock.js';
import { anInstitution, aVolunteer } from '../../../support/hours-builders.js';
import { anOpportunityInput } from '../../../support/youth-house-builders.js';

const M = 'LV-042';
const INST = '00000000-0000-4000-8000-0000000000aa';
const user = (role: User['role'], overrides: Partial<User> = {}): User => ({ sub: `${role}-1`, role, municipality: M, institution: null, email: null, name: null, ...overrides });

function fakeDeps(opportunity?: Opportunity) {
  const created: Opportunity[] = [];
  const registered: string[] = [];
  const youthHouse = {
    createOpportunity: async (o: Opportunity) => { created.push(o); },
    getOpportunity: async () => opportunity,
    signUpsBetween: async () => [],
    register: async (s: { youthId: string }) => { registered.push(s.youthId); return 'registered' as const; },
  } as unknown as YouthHouseRepository;
  const deps: YouthHouseDeps = {
    youthHouse, clock: { now: () => new Date('2026-05-01T09:00:00Z') }, newNonce: () => 'n'.repeat(22),
    municipalities: { get: async (code) => (code === M || code === 'LV-077' ? ({ code } as never) : undefined) },
    hours: {
      getInstitution: async (id) => (id === INST ? anInstitution({ id: INST }) : undefined),
      isAssigned: async (inst, sub) => inst === INST && sub === 'supervisor-1',
      getVolunteer: async (id) => (id === 'minor' ? aVolunteer({ id, birthDate: '2010-06-01' }) : aVolunteer({ id })),
      getProgramme: async () => defaultProgramme(M),
      entriesBetween: async () => [],
    },
  };
  return { deps, created, registered };
}

const input = (o: Parameters<typeof anOpportunityInput>[0] = {}) => opportunityInputSchema.parse(anOpportunityInput(o));

describe('who publishes opportunities', () => {
  it('coordinators for their municipality, supervisors for an institution assigned to them, the agency anywhere', async () => {
    const { deps, created } = fakeDeps();
    await createOpportunity(deps, user('coordinator'), M, input());
    await createOpportunity(deps, user('supervisor', { institution: INST }), M, input({ kind: 'volunteering', institutionId: INST }));
    await createOpportunity(deps, user('agency', { municipality: null }), M, input());
    expect(created.map((o) => [o.createdBy, o.status])).toEqual([['coordinator-1', 'draft'], ['supervisor-1', 'draft'], ['agency-1', 'draft']]);
  });

  it('refuses youth, other municipalities and unassigned supervisors with nothing written', async () => {
    const { deps, created } = fakeDeps();
    await expect(createOpportunity(deps, user('youth'), M, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOpportunity(deps, user('coordinator', { municipality: 'LV-077' }), M, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOpportunity(deps, user('supervisor'), M, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOpportunity(deps, user('supervisor', { sub: 'other' }), M, input({ institutionId: INST }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(created).toEqual([]);
  });

  it('validates: volunteering needs its institution, the deadline precedes the first shift, topics from the fixed list', () => {
    const rules = (o: unknown) => opportunityInputSchema.safeParse(o).error?.issues.map((i) => (i.code === 'custom' ? i.params?.rule : i.code));
    expect(rules(anOpportunityInput({ kind: 'volunteering' }))).toEqual(['required-for-volunteering']);
    expect(rules(anOpportunityInput({ signUpDeadline: '2099-01-01T00:00:00Z' }))).toEqual(['deadline-before-first-shift']);
    expect(rules({ ...anOpportunityInput(), topics: ['astrology'] })).toEqual(['invalid_value']);
  });

  it('finds a shift whose logbook entry would run past midnight in Riga, summer and winter, by duration or credited minutes', () => {
    const o = (start: string, durationMinutes: number, creditedMinutesPerShift = 60) => ({ shifts: [{ start, durationMinutes, places: 5 }], creditedMinutesPerShift });
    // 22:00 Riga in summer (UTC+3) and winter (UTC+2)
    expect(shiftPastMidnight(o('2030-07-01T19:00:00Z', 180), [0])).toBe(0);
    expect(shiftPastMidnight(o('2030-12-01T20:00:00Z', 180), [0])).toBe(0);
    expect(shiftPastMidnight(o('2030-12-01T20:00:00Z', 120), [0])).toBeUndefined();
    expect(shiftPastMidnight(o('2030-07-01T19:00:00Z', 60, 180), [0])).toBe(0);
    expect(shiftPastMidnight(o('2030-07-01T19:00:00Z', 180), [])).toBeUndefined();
  });

  it('refuses creating an opportunity with such a shift, 422 on its duration, writing nothing', async () => {
    const { deps, created } = fakeDeps();
    const late = input({ shifts: [{ start: '2030-07-01T08:00:00Z', durationMinutes: 60, places: 5 }, { start: '2030-07-01T19:30:00Z', durationMinutes: 180, places: 5 }], signUpDeadline: '2030-06-30T00:00:00Z' });
    await expect(createOpportunity(deps, user('coordinator'), M, late)).rejects.toMatchObject({ ruleId: 'youth-house.shift-past-midnight', field: 'body.shifts.1.durationMinutes' });
    expect(created).toEqual([]);
  });
});

const P = defaultProgramme(M);
const stored = (over: Partial<Opportunity> = {}): Opportunity => ({
  ...input({ shifts: [{ start: '2026-06-01T07:00:00Z', durationMinutes: 60, places: 2 }, { start: '2026-06-08T07:00:00Z', durationMinutes: 60, places: 1 }], signUpDeadline: '2026-05-30T00:00:00Z' }),
  id: '00000000-0000-4000-8000-000000000001', municipality: M, status: 'published', registered: [2, 0],
  createdAt: 'x', createdBy: 'c', updatedAt: 'x', ...over,
});

describe('public views', () => {
  it('counts remaining places per shift and shows a published opportunity without places as full', () => {
    expect(viewOf(stored(), P).shifts.map((s) => s.remainingPlaces)).toEqual([0, 1]);
    expect(viewOf(stored(), P).status).toBe('published');
    expect(viewOf(stored({ registered: [2, 1] }), P).status).toBe('full');
  });

  it("says up to which age guardian consent is needed, from the municipality's programme", () => {
    expect(viewOf(stored(), P).guardianConsent).toEqual({ neededUpToAge: 16 });
    expect(viewOf(stored({ ageRange: { min: 13, max: 15 } }), P).guardianConsent).toEqual({ neededUpToAge: 15 });
    expect(viewOf(stored({ ageRange: { min: 17, max: 25 } }), P).guardianConsent).toBeNull();
    expect(viewOf(stored({ ageRange: { min: 17, max: 25 } }), { consentUpToAge: 17 }).guardianConsent).toEqual({ neededUpToAge: 17 });
  });

  it('filters by kind, topic, Riga dates of the shifts, age and places left', () => {
    const o = stored();
    expect(matches(o, { kind: 'event', topic: 'volunteering', age: 18 })).toBe(true);
    expect(matches(o, { kind: 'training' })).toBe(false);
    expect(matches(o, { age: 26 })).toBe(false);
    expect(matches(o, { from: '2026-06-02', to: '2026-06-07' })).toBe(false);
    expect(matches(o, { from: '2026-06-01', to: '2026-06-01', hasPlaces: true })).toBe(false);
    expect(matches(o, { from: '2026-06-08', hasPlaces: true })).toBe(true);
  });

  it('describes each shift as a schema.org Event with capacities, age range and status', () => {
    const [first] = jsonLdOf(viewOf(stored({ status: 'cancelled' }), P), 'https://x/v1/opportunities/1');
    expect(first).toMatchObject({
      '@type': 'Event', startDate: '2026-06-01T07:00:00Z', endDate: '2026-06-01T08:00:00.000Z', maximumAttendeeCapacity: 2,
      remainingAttendeeCapacity: 0, typicalAgeRange: '13-25', eventStatus: 'https://schema.org/EventCancelled',
      location: { '@type': 'Place', geo: { latitude: 56.4998 } },
    });
  });

  it("names the topics the European Youth Portal has a code for as terms of its set, and no term for the others", () => {
    const [first] = jsonLdOf(viewOf(stored({ topics: ['volunteering', 'environment-climate', 'migrants-refugees', 'digital'] }), P), 'https://x/v1/opportunities/1');
    expect(first!.keywords).toBe('volunteering, environment-climate, migrants-refugees, digital');
    expect(first!.about).toEqual([
      { '@type': 'DefinedTerm', termCode: 'natr', name: 'Environment and natural protection', inDefinedTermSet: 'https://youth.europa.eu/solidarity/topics_en' },
      { '@type': 'DefinedTerm', termCode: 'migr', name: 'Reception and integration of refugees and migrants', inDefinedTermSet: 'https://youth.europa.eu/solidarity/topics_en' },
    ]);
    const [none] = jsonLdOf(viewOf(stored({ topics: ['digital', 'mobility-travel'] }), P), 'https://x/v1/opportunities/1');
    expect(none).not.toHaveProperty('about');
  });

  it('gives each coded topic a distinct code', () => {
    const codes = Object.values(EYP_TOPIC_CODES).flatMap((t) => (t ? [t.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(TOPICS.length - 3);
  });
});

describe('signing up', () => {
  it("uses the shift's Riga date and time for the logbook's rules", async () => {
    expect(rigaTime(new Date('2026-06-01T17:30:00Z'))).toBe('20:30');
    const { deps, registered } = fakeDeps(stored({ ageRange: { min: 13, max: 25 } }));
    // Born 2010-06-01: 16 on the shift of 2026-06-01, and consent is needed up to 16 inclusive — refused with the logbook's id.
    const error = await signUp(deps, user('youth', { sub: 'minor' }), stored().id, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).ruleId).toBe('hours.consent-missing');
    expect(registered).toEqual([]);
  });

  it("refuses ages outside the opportunity's range on the shift's date", async () => {
    const { deps } = fakeDeps(stored({ ageRange: { min: 17, max: 25 } }));
    await expect(signUp(deps, user('youth', { sub: 'minor' }), stored().id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.age-outside-range' });
    const ok = await signUp(deps, user('youth', { sub: 'adult' }), stored().id, 1);
    expect(ok).toMatchObject({ state: 'registered', date: '2026-06-08', startTime: '10:00', minutes: 60 });
  });
});
