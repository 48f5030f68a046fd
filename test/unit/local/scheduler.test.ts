import { describe, expect, it } from 'vitest';
import { DEFAULT_CERTIFICATE_RUN_SCHEDULE, MAX_TIMER_MS, nextFiring, nextFullHour, nextMinutes, rigaInstant, startYearlyScheduler, type Timers } from '../../../lib/local/scheduler.js';

describe('the yearly schedule in Europe/Riga', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-15T04:00:00.000Z'],
    ['2026-01-15T03:59:59Z', '2026-01-15T04:00:00.000Z'],
    ['2026-01-15T04:00:00Z', '2027-01-15T04:00:00.000Z'],
    ['2026-07-01T00:00:00Z', '2027-01-15T04:00:00.000Z'],
    ['2026-12-31T22:30:00Z', '2027-01-15T04:00:00.000Z'],
  ])('after %s the next run is at %s (06:00 Riga, winter time)', (now, expected) => {
    expect(nextFiring(new Date(now), DEFAULT_CERTIFICATE_RUN_SCHEDULE).toISOString()).toBe(expected);
  });

  it('uses summer time when the date falls in it', () => {
    expect(rigaInstant(2026, 6, 1, '06:00').toISOString()).toBe('2026-06-01T03:00:00.000Z');
  });
});

/** A fake clock and timer queue: tests move time and run the armed timer by hand. */
function fakeTime(start: string) {
  let now = new Date(start).getTime();
  const armed: { fn: () => void; ms: number }[] = [];
  const timers: Timers = { setTimeout: (fn, ms) => armed.push({ fn, ms }), clearTimeout: () => undefined };
  return {
    clock: { now: () => new Date(now) },
    timers,
    armed,
    /** Advances the clock by the last armed delay and runs that timer. */
    async tick() {
      const t = armed.at(-1)!;
      now += t.ms;
      t.fn();
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('the local scheduler', () => {
  it('sleeps in steps no longer than setTimeout allows, fires on the date with the previous year, and re-arms for next year', async () => {
    const time = fakeTime('2026-03-01T00:00:00Z');
    const fired: string[] = [];
    const scheduler = startYearlyScheduler({ clock: time.clock, schedule: DEFAULT_CERTIFICATE_RUN_SCHEDULE, timers: time.timers, job: async (at) => { fired.push(at.toISOString()); } });
    expect(scheduler.next().toISOString()).toBe('2027-01-15T04:00:00.000Z');
    expect(time.armed[0]!.ms).toBe(MAX_TIMER_MS);
    for (let i = 0; i < 20 && fired.length === 0; i++) await time.tick();
    expect(fired).toEqual(['2027-01-15T04:00:00.000Z']);
    expect(scheduler.next().toISOString()).toBe('2028-01-15T04:00:00.000Z');
    expect(time.armed.length).toBeGreaterThan(1);
    scheduler.stop();
  });

  it('keeps the schedule after a failing job', async () => {
    const time = fakeTime('2027-01-15T03:00:00Z');
    const errors: unknown[] = [];
    const scheduler = startYearlyScheduler({ clock: time.clock, schedule: DEFAULT_CERTIFICATE_RUN_SCHEDULE, timers: time.timers, job: async () => { throw new Error('down'); }, onError: (e) => errors.push(e) });
    expect(time.armed[0]!.ms).toBe(3600_000);
    await time.tick();
    expect(errors).toHaveLength(1);
    expect(scheduler.next().toISOString()).toBe('2028-01-15T04:00:00.000Z');
    expect(time.armed).toHaveLength(2);
  });
});

describe('the hourly schedule (the decision digest)', () => {
  it.each([
    ['2026-03-29T00:30:00Z', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T01:00:00Z', '2026-03-29T02:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2027-01-01T00:00:00.000Z'],
  ])('after %s the next firing is %s (a full hour in Riga too, across the summer-time change)', (now, expected) => {
    expect(nextFullHour(new Date(now)).toISOString()).toBe(expected);
  });
});

describe('the every-few-minutes schedule (the youth-house sweep)', () => {
  it.each([
    ['2026-03-29T00:30:00Z', '2026-03-29T00:35:00.000Z'],
    ['2026-03-29T00:34:59Z', '2026-03-29T00:35:00.000Z'],
    ['2026-12-31T23:58:00Z', '2027-01-01T00:00:00.000Z'],
  ])('after %s the next 5-minute firing is %s', (now, expected) => {
    expect(nextMinutes(5)(new Date(now)).toISOString()).toBe(expected);
  });
});
