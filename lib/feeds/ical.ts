// RFC 5545 iCalendar rendering of a CalendarDocument with the `ics` package (no hand-written lines or folding).
import { createEvents, type EventAttributes } from 'ics';
import type { CalendarDocument } from '../domain/youth-house/feeds.js';

export const ICAL_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const PRODUCT_ID = '-//Jaunatnes darba platforma//Digitala jauniesu maja//LV';

export function renderCalendar(doc: CalendarDocument): string {
  const events: EventAttributes[] = doc.events.map((e) => ({
    uid: e.uid, sequence: e.sequence, status: e.status,
    start: Date.parse(e.start), startInputType: 'utc', startOutputType: 'utc',
    duration: { hours: Math.floor(e.durationMinutes / 60), minutes: e.durationMinutes % 60 },
    title: e.title, description: e.description,
    // ics accepts only absolute URLs (a runtime without a public base URL gives none)
    ...(/^https?:\/\//.test(e.url) ? { url: e.url } : {}),
    ...(e.categories.length > 0 ? { categories: e.categories } : {}),
    ...(e.location ? { location: e.location } : {}), ...(e.geo ? { geo: e.geo } : {}),
    ...(e.organizer ? { organizer: e.organizer } : {}),
    created: Date.parse(e.created), lastModified: Date.parse(e.lastModified),
  }));
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: 'PUBLISH', calName: doc.name });
  if (error || value === null) throw error ?? new Error('ics rendered nothing');
  return value;
}
