// The local stand-in for EventBridge Scheduler: fires a job once a year on a Riga calendar date and time, or every hour
// on the hour (timer logic only).
import type { Clock } from '../domain/clock.js';

/** A yearly schedule in Europe/Riga, e.g. 15 January 06:00 (the certificate run's default). */
export interface YearlySchedule {
  month: number;
  day: number;
  /** HH:MM, Riga wall-clock time. */
  time: string;
}

export const DEFAULT_CERTIFICATE_RUN_SCHEDULE: YearlySchedule = { month: 1, day: 15, time: '06:00' };

/** Riga's UTC offset in minutes at an instant (+120 in winter, +180 in summer). */
function rigaOffsetMinutes(at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Riga', timeZoneName: 'longOffset' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+02:00';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The UTC instant of a Riga wall-clock date and time. */
export function rigaInstant(year: number, month: number, day: number, time: string): Date {
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hh, mm);
  let at = wall - rigaOffsetMinutes(wall) * 60_000;
  at = wall - rigaOffsetMinutes(at) * 60_000;
  return new Date(at);
}

/** The first firing strictly after `now`. */
export function nextFiring(now: Date, schedule: YearlySchedule): Date {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric' }).format(now));
  for (const y of [year, year + 1]) {
    const at = rigaInstant(y, schedule.month, schedule.day, schedule.time);
    if (at.getTime() > now.getTime()) return at;
  }
  return rigaInstant(year + 2, schedule.month, schedule.day, schedule.time);
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** setTimeout takes at most 2^31 − 1 ms (~24.8 days): longer waits are slept in steps and re-checked against the clock. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const nodeTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Arms a timer for the next firing; on waking, fires `job(firedAt)` if the clock has reached it (else sleeps
 * again), then arms the following year. A failing job is reported and does not stop the schedule.
 */
export function startYearlyScheduler(options: {
  clock: Clock;
  schedule: YearlySchedule;
  job: (firedAt: Date) => Promise<unknown>;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): { next(): Date; stop(): void } {
  return startScheduler({ ...options, following: (now) => nextFiring(now, options.schedule) });
}

/** The first full hour strictly after `now` (Riga's offsets are whole hours, so a UTC full hour is a Riga one). */
export function nextFullHour(now: Date): Date {
  return new Date((Math.floor(now.getTime() / 3_600_000) + 1) * 3_600_000);
}

/** Fires `job(firedAt)` every hour on the hour (the supervisors' digest: the job picks the programmes of that hour). */
export function startHourlyScheduler(options: {
  clock: Clock;
  job: (firedAt: Date) => Promise<unknown>;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): { next(): Date; stop(): void } {
  return startScheduler({ ...options, following: nextFullHour });
}

/** The first instant strictly after `now` on a multiple of `minutes` (UTC), e.g. every 5 minutes on :00, :05, … */
export function nextMinutes(minutes: number): (now: Date) => Date {
  const step = minutes * 60_000;
  return (now) => new Date((Math.floor(now.getTime() / step) + 1) * step);
}

/** Fires `job(firedAt)` every `minutes` minutes (the youth house's sweep: offers, reminders, cancellations). */
export function startMinutelyScheduler(options: {
  clock: Clock;
  minutes: number;
  job: (firedAt: Date) => Promise<unknown>;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): { next(): Date; stop(): void } {
  return startScheduler({ ...options, following: nextMinutes(options.minutes) });
}

function startScheduler(options: {
  clock: Clock;
  following: (now: Date) => Date;
  job: (firedAt: Date) => Promise<unknown>;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): { next(): Date; stop(): void } {
  const timers = options.timers ?? nodeTimers;
  let target = options.following(options.clock.now());
  let handle: unknown;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const wait = Math.max(0, Math.min(MAX_TIMER_MS, target.getTime() - options.clock.now().getTime()));
    handle = timers.setTimeout(wake, wait);
  };
  const wake = () => {
    if (stopped) return;
    if (options.clock.now().getTime() < target.getTime()) return arm();
    const firedAt = target;
    target = options.following(firedAt);
    void options.job(firedAt).catch((error) => (options.onError ?? console.error)(error)).finally(arm);
  };
  arm();
  return {
    next: () => target,
    stop: () => {
      stopped = true;
      timers.clearTimeout(handle);
    },
  };
}
