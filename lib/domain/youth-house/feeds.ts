// The feeds' content as plain data: Atom entries of news and new opportunities, iCalendar events of shifts.
// Rendering into RFC 4287 / RFC 5545 text is the adapters' work (lib/feeds/), from exactly these values.
import { isCurrent, newsViewOf, type NewsPost } from './news.js';
import { shiftCancelled, type Opportunity, type SignUp } from './types.js';

export interface FeedEntry {
  /** A stable IRI: `urn:uuid:` of the post or opportunity, so readers never show an entry twice. */
  id: string;
  kind: 'news' | 'opportunity';
  title: string;
  summary: string;
  link: string;
  /** Last change (atom:updated) and first publication (atom:published). */
  updated: string;
  published: string;
  categories: string[];
  image?: { url: string; type: string };
}

export interface FeedDocument {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own URL (rel="self") and the page it describes (rel="alternate"). */
  self: string;
  link: string;
  author: string;
  updated: string;
  language: 'lv' | 'en';
  entries: FeedEntry[];
}

export type CalendarStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface CalendarEvent {
  /** Stable across updates: a calendar replaces the event it already has instead of adding another. */
  uid: string;
  /** Grows with every change of the event (RFC 5545 §3.8.7.4). */
  sequence: number;
  status: CalendarStatus;
  start: string;
  durationMinutes: number;
  title: string;
  description: string;
  location?: string;
  geo?: { lat: number; lon: number };
  url: string;
  organizer?: { name: string; email?: string };
  categories: string[];
  created: string;
  lastModified: string;
}

export interface CalendarDocument {
  name: string;
  events: CalendarEvent[];
}

/** The Atom feed's length: the newest news and opportunities together. */
export const FEED_ENTRY_LIMIT = 50;
const UID_DOMAIN = 'jaunatne.lv';

const pick = (text: { lv: string; en?: string | undefined }, lang: 'lv' | 'en') => (lang === 'en' ? text.en ?? text.lv : text.lv);
const shiftEnd = (s: { start: string; durationMinutes: number }) => Date.parse(s.start) + s.durationMinutes * 60_000;

/** An opportunity as the feeds read it: `revision` counts its stored changes (absent before the first one). */
export type FeedOpportunity = Opportunity & { revision?: number };

/** SEQUENCE of a municipality calendar's shift: the opportunity's change count, exact and only growing. */
export const shiftSequence = (o: FeedOpportunity) => o.revision ?? 0;

/**
 * SEQUENCE of a youth's own shift, which also changes with the sign-up (cancelled, promoted, signed up again):
 * whole seconds from the opportunity's creation to the later of the two last changes. It only grows, as both
 * `updatedAt`s only move forward; two changes within one second share it.
 */
export function signUpSequence(o: Pick<Opportunity, 'createdAt' | 'updatedAt'>, s: Pick<SignUp, 'updatedAt'>): number {
  const last = Math.max(Date.parse(o.updatedAt), Date.parse(s.updatedAt));
  return Math.max(0, Math.floor((last - Date.parse(o.createdAt)) / 1000));
}

export const shiftUid = (opportunityId: string, shift: number) => `opportunity-${opportunityId}-shift-${shift}@${UID_DOMAIN}`;
export const signUpUid = (opportunityId: string, shift: number) => `sign-up-${opportunityId}-shift-${shift}@${UID_DOMAIN}`;

function placeOf(o: Opportunity): Pick<CalendarEvent, 'location' | 'geo'> {
  if (o.place.type === 'online') return o.place.url ? { location: o.place.url } : { location: 'Tiešsaistē' };
  return { location: o.place.address, ...(o.place.coordinates ? { geo: o.place.coordinates } : {}) };
}

function shiftEvent(o: Opportunity, index: number, base: string, lang: 'lv' | 'en'): Omit<CalendarEvent, 'uid' | 'sequence' | 'status'> {
  const s = o.shifts[index]!;
  return {
    start: s.start, durationMinutes: s.durationMinutes, title: pick(o.title, lang), description: pick(o.description, lang),
    ...placeOf(o), url: `${base}/v1/opportunities/${o.id}`,
    organizer: { name: o.contact.name, ...(o.contact.email ? { email: o.contact.email } : {}) },
    categories: [o.kind, ...o.topics], created: o.createdAt, lastModified: o.updatedAt,
  };
}

/** Upcoming shifts (ending at or after `now`) of non-draft opportunities; a cancelled opportunity's shifts are CANCELLED. */
export function municipalityCalendar(name: string, opportunities: readonly FeedOpportunity[], now: Date, base: string, lang: 'lv' | 'en'): CalendarDocument {
  const events = opportunities.filter((o) => o.status !== 'draft').flatMap((o) => o.shifts.flatMap((s, index) => (shiftEnd(s) < now.getTime() ? [] : [{
    ...shiftEvent(o, index, base, lang), uid: shiftUid(o.id, index), sequence: shiftSequence(o),
    status: shiftCancelled(o, index) ? 'CANCELLED' as const : 'CONFIRMED' as const,
  }])));
  return { name, events: events.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid)) };
}

/**
 * A youth's own shifts: registered ones CONFIRMED, waiting ones TENTATIVE, cancelled sign-ups and shifts of
 * cancelled opportunities CANCELLED (so a subscribed calendar drops them rather than keeping a stale copy).
 */
export function personalCalendar(name: string, signUps: readonly SignUp[], opportunities: readonly Opportunity[], base: string, lang: 'lv' | 'en'): CalendarDocument {
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  const events = signUps.flatMap((s) => {
    const o = byId.get(s.opportunityId);
    if (!o || !o.shifts[s.shift]) return [];
    const state: string = s.state;
    const status: CalendarStatus = state === 'cancelled' || shiftCancelled(o, s.shift) ? 'CANCELLED' : state === 'registered' ? 'CONFIRMED'
      : state === 'waitlisted' || state === 'offered' ? 'TENTATIVE' : 'CONFIRMED';
    return [{
      ...shiftEvent(o, s.shift, base, lang), uid: signUpUid(o.id, s.shift), sequence: signUpSequence(o, s), status,
      lastModified: [o.updatedAt, s.updatedAt].sort().at(-1)!,
    }];
  });
  return { name, events: events.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid)) };
}

/** The Atom feed: current news (by publication) and published opportunities with shifts ahead (by publication), newest first. */
export function municipalityFeed(
  meta: { municipality: string; name: string; self: string },
  news: readonly NewsPost[], opportunities: readonly Opportunity[], now: Date, today: string, base: string, lang: 'lv' | 'en',
): FeedDocument {
  const newsEntries: FeedEntry[] = news.filter((n) => isCurrent(n, today)).map((n) => {
    const view = newsViewOf(n, base);
    return {
      id: `urn:uuid:${n.id}`, kind: 'news', title: pick(n.title, lang), summary: pick(n.text, lang), link: `${base}/v1/news/${n.id}`,
      // a post dated ahead is published on its day, not when it was written
      published: [n.createdAt, `${n.publishOn}T00:00:00.000Z`].sort().at(-1)!, updated: n.updatedAt, categories: ['news'],
      ...(view.image ? { image: { url: view.image.url, type: view.image.contentType } } : {}),
    };
  });
  const opportunityEntries: FeedEntry[] = opportunities
    .filter((o) => o.status === 'published' && o.shifts.some((s) => shiftEnd(s) >= now.getTime()))
    .map((o) => ({
      id: `urn:uuid:${o.id}`, kind: 'opportunity', title: pick(o.title, lang), summary: pick(o.description, lang), link: `${base}/v1/opportunities/${o.id}`,
      published: o.updatedAt, updated: o.updatedAt, categories: [o.kind, ...o.topics],
    }));
  const entries = [...newsEntries, ...opportunityEntries]
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id)).slice(0, FEED_ENTRY_LIMIT);
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? '2024-01-01T00:00:00.000Z';
  return {
    id: `${base}/v1/municipalities/${meta.municipality}/feed.atom`,
    title: lang === 'en' ? `${meta.name}: youth news and opportunities` : `${meta.name}: jauniešu jaunumi un iespējas`,
    subtitle: lang === 'en' ? 'News and new opportunities of the digital youth house' : 'Digitālās jauniešu mājas jaunumi un jaunās iespējas',
    self: meta.self, link: `${base}/v1/municipalities/${meta.municipality}/opportunities`,
    author: meta.name, updated, language: lang, entries,
  };
}
