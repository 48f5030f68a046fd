// Time as a port: domain code never reads the system clock directly.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's date (YYYY-MM-DD) in Europe/Riga — the calendar every rule and year boundary uses. */
export function rigaDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
