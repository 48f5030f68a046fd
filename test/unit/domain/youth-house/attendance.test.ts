import { describe, expect, it } from 'vitest';
import { countsOf } from '../../../../lib/domain/youth-house/attendance-report.js';
import { attendanceKey, categoryOf, entryInputOf } from '../../../../lib/domain/youth-house/attendance.js';
import { checkInCodeAt, checkInWindow, CHECK_IN_STEP_SECONDS, isCheckInCode, stepOf } from '../../../../lib/domain/youth-house/check-in-code.js';
import type { Opportunity, SignUp } from '../../../../lib/domain/youth-house/types.js';
import { anOpportunityInput } from '../../../support/youth-house-builders.js';

const key = new Uint8Array(32).fill(7);
const OPP = '7d1c6f0e-2b7a-4c55-9f59-1b0c1d2e3f40';
const at = (iso: string) => new Date(iso);

describe('the check-in code', () => {
  it('is six digits, the same within a step, different in the next, for another shift and under another key', () => {
    const t = at('2026-06-01T10:00:10Z');
    const code = checkInCodeAt(key, OPP, 0, stepOf(t));
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(checkInCodeAt(key, OPP, 0, stepOf(at('2026-06-01T10:01:50Z')))).toBe(code);
    expect(checkInCodeAt(key, OPP, 0, stepOf(t) + 1)).not.toBe(code);
    expect(checkInCodeAt(key, OPP, 1, stepOf(t))).not.toBe(code);
    expect(checkInCodeAt(new Uint8Array(32).fill(8), OPP, 0, stepOf(t))).not.toBe(code);
  });

  it.each([
    ['the current step', 0, true],
    ['the step before (scanned just before it changed)', 1, true],
    ['two steps before', 2, false],
    ['the next step', -1, false],
  ])('accepts a code of %s: %s', (_, stepsAgo, accepted) => {
    const now = at('2026-06-01T10:00:10Z');
    const code = checkInCodeAt(key, OPP, 0, stepOf(now) - stepsAgo);
    expect(isCheckInCode(key, OPP, 0, now, code)).toBe(accepted);
  });

  it('refuses codes of another length or shape', () => {
    const now = at('2026-06-01T10:00:10Z');
    const code = checkInCodeAt(key, OPP, 0, stepOf(now));
    expect(isCheckInCode(key, OPP, 0, now, code.slice(1))).toBe(false);
    expect(isCheckInCode(key, OPP, 0, now, `${code}0`)).toBe(false);
    expect(isCheckInCode(key, OPP, 0, now, '')).toBe(false);
  });

  it('steps every two minutes; check-in opens 30 minutes before the start and closes at the end', () => {
    expect(CHECK_IN_STEP_SECONDS).toBe(120);
    expect(checkInWindow({ start: '2026-06-01T10:00:00+03:00', durationMinutes: 90 })).toEqual({ opens: at('2026-06-01T06:30:00Z'), closes: at('2026-06-01T08:30:00Z') });
  });
});

const anOpportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  ...anOpportunityInput({ kind: 'volunteering', institutionId: '4a0f1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b', creditedMinutesPerShift: 90 }),
  id: OPP, municipality: 'LV-042', status: 'published', registered: [0], createdAt: '', createdBy: 'c', updatedAt: '', ...overrides,
});

describe("an attended shift's hour entry", () => {
  it("credits the shift's minutes at the host institution on the shift's Riga date and start, titled by the opportunity", () => {
    expect(entryInputOf(anOpportunity(), { date: '2026-06-01', startTime: '10:00' })).toEqual({
      institutionId: '4a0f1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b', date: '2026-06-01', minutes: 90, startTime: '10:00', activity: 'Talka Mežaparkā', category: 'environment',
    });
  });

  it('is none for a shift crediting nothing or an opportunity without a host institution', () => {
    expect(entryInputOf(anOpportunity({ creditedMinutesPerShift: 0 }), { date: '2026-06-01', startTime: '10:00' })).toBeNull();
    expect(entryInputOf(anOpportunity({ kind: 'event', institutionId: undefined }), { date: '2026-06-01', startTime: '10:00' })).toBeNull();
  });

  it.each([
    [['sport', 'culture-creativity'], 'volunteering', 'sport'],
    [['digital', 'culture-creativity'], 'volunteering', 'culture'],
    [['digital'], 'event', 'events'],
    [['digital', 'mobility-travel'], 'training', 'other'],
  ] as const)('topics %j of a %s fall in the category %s', (topics, kind, category) => {
    expect(categoryOf({ topics: [...topics], kind })).toBe(category);
  });

  it('has one idempotency key per shift (the logbook replays a second marking)', () => {
    expect(attendanceKey(OPP, 0)).toBe(attendanceKey(OPP, 0));
    expect(attendanceKey(OPP, 0)).not.toBe(attendanceKey(OPP, 1));
  });
});

describe("the attendance report's counts", () => {
  const s = (state: SignUp['state'], entryId: string | null = null): SignUp => ({
    opportunityId: OPP, shift: 0, youthId: `y-${Math.random()}`, municipality: 'LV-042', state, position: null, date: '2026-06-01', startTime: '10:00', minutes: 120,
    createdAt: '', updatedAt: '', ...(state === 'attended' || state === 'no-show' ? { attendance: { by: 's', at: '', via: 'marked' as const, entryId } } : {}),
  });

  it('counts places held, waitlist, cancellations, attendance, no-shows and the minutes that reached the logbook', () => {
    const c = countsOf({ creditedMinutesPerShift: 90 }, [s('registered'), s('attended', 'e-1'), s('attended', 'e-2'), s('attended', null), s('no-show'), s('waitlisted'), s('cancelled'), s('cancelled')]);
    expect(c).toEqual({ signUps: 5, waitlisted: 1, cancelled: 2, attended: 3, noShows: 1, unmarked: 1, creditedMinutes: 180 });
  });
});
