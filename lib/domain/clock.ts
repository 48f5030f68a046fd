// Time as a port: domain code never reads the system clock directly.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's date (YYYY-MM-DD) in Europe/Riga — the calendar every rule and year boundary uses. */
export function rigaDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The time of day (HH:MM) of an instant on Riga's wall clock. */
export function rigaTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** The hour (0–23) of an instant on Riga's wall clock. */
export const rigaHour = (at: Date): number => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', hourCycle: 'h23' }).format(at));

const LOCALE = { lv: 'lv-LV', en: 'en-GB' } as const;

/** An instant as a Riga wall-clock date and time, e.g. "2026. gada 10. marts 10:00" / "10 March 2026 at 10:00". */
export function rigaWhen(iso: string, lang: 'lv' | 'en'): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Riga' }).format(new Date(iso));
}

/**
 * A deadline after "līdz" / "by": Latvian needs the dative of a spelled-out month, so it gets the numeric form
 * ("līdz 04.12.2026. plkst. 10:33"); English reads "by 4 December 2026, 10:33".
 */
export function rigaDeadline(iso: string, lang: 'lv' | 'en'): string {
  if (lang === 'en') return rigaWhen(iso, 'en').replace(' at ', ', ');
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year}. plkst. ${parts.hour}:${parts.minute}`;
}
