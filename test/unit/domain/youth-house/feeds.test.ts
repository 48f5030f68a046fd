// The feeds' content rules (pure) and their rendering, read back by independent parsers.
import { describe, expect, it } from 'vitest';
import {
  municipalityCalendar, municipalityFeed, personalCalendar, shiftUid, signUpSequence, type FeedOpportunity,
} from '../../../../lib/domain/youth-house/feeds.js';
import type { NewsPost } from '../../../../lib/domain/youth-house/news.js';
import type { SignUp } from '../../../../lib/domain/youth-house/types.js';
import { renderAtom } from '../../../../lib/feeds/atom.js';
import { renderCalendar } from '../../../../lib/feeds/ical.js';
import { parseAtom, parseCalendar } from '../../../support/feed-parsers.js';
import { anOpportunityInput } from '../../../support/youth-house-builders.js';

const NOW = new Date('2026-06-01T09:00:00Z');
const BASE = 'https://api.example.lv';

function anOpportunity(overrides: Partial<FeedOpportunity> = {}): FeedOpportunity {
  return {
    ...anOpportunityInput({
      shifts: [{ start: '2026-05-31T08:00:00Z', durationMinutes: 60, places: 5 }, { start: '2026-06-05T15:00:00Z', durationMinutes: 150, places: 5 }],
      signUpDeadline: '2026-05-30T08:00:00Z',
    }),
    id: '6f1c0d1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f', municipality: 'LV-042', status: 'published', registered: [0, 0],
    createdAt: '2026-05-01T10:00:00.000Z', createdBy: 'c-1', updatedAt: '2026-05-02T10:00:00.000Z', revision: 1, ...overrides,
  };
}
const aSignUp = (overrides: Partial<SignUp> = {}): SignUp => ({
  opportunityId: anOpportunity().id, shift: 1, youthId: 'y-1', municipality: 'LV-042', state: 'registered', position: null,
  date: '2026-06-05', startTime: '18:00', minutes: 150, createdAt: '2026-05-03T10:00:00.000Z', updatedAt: '2026-05-03T10:00:00.000Z', ...overrides,
});
const aPost = (overrides: Partial<NewsPost> = {}): NewsPost => ({
  id: '0b8f7f0e-1d2c-4b3a-8f9e-0a1b2c3d4e5f', municipality: 'LV-042', title: { lv: 'Lielā talka "Daugava" & draugi', en: 'The big clean-up' },
  text: { lv: 'Pirmā rinda\nOtrā <rinda>' }, publishOn: '2026-05-30', createdAt: '2026-05-20T10:00:00.000Z', createdBy: 'c-1', updatedAt: '2026-05-20T10:00:00.000Z', ...overrides,
});

describe('the municipality calendar', () => {
  it('keeps only shifts that have not ended, with one stable UID per shift', () => {
    const doc = municipalityCalendar('Jēkabpils novads', [anOpportunity()], NOW, BASE, 'lv');
    expect(doc.events.map((e) => e.uid)).toEqual([shiftUid(anOpportunity().id, 1)]);
    expect(doc.events[0]).toMatchObject({ status: 'CONFIRMED', sequence: 1, url: `${BASE}/v1/opportunities/${anOpportunity().id}` });
  });

  it.each([
    ['published', 'CONFIRMED'], ['closed', 'CONFIRMED'], ['cancelled', 'CANCELLED'],
  ] as const)('shows a %s opportunity as %s', (status, expected) => {
    expect(municipalityCalendar('x', [anOpportunity({ status })], NOW, BASE, 'lv').events[0]?.status).toBe(expected);
  });

  it('never shows a draft', () => {
    expect(municipalityCalendar('x', [anOpportunity({ status: 'draft' })], NOW, BASE, 'lv').events).toEqual([]);
  });
});

describe('the personal calendar', () => {
  it.each([
    ['registered', 'published', 'CONFIRMED'], ['waitlisted', 'published', 'TENTATIVE'], ['cancelled', 'published', 'CANCELLED'],
    ['registered', 'cancelled', 'CANCELLED'],
  ] as const)('a %s sign-up for a %s opportunity is %s', (state, status, expected) => {
    const doc = personalCalendar('Manas maiņas', [aSignUp({ state })], [anOpportunity({ status })], BASE, 'lv');
    expect(doc.events[0]?.status).toBe(expected);
  });

  it('leaves out sign-ups whose opportunity is gone', () => {
    expect(personalCalendar('x', [aSignUp({ opportunityId: 'gone' })], [anOpportunity()], BASE, 'lv').events).toEqual([]);
  });

  it('raises SEQUENCE with every later change of the sign-up or the opportunity', () => {
    const o = anOpportunity();
    const first = signUpSequence(o, aSignUp());
    const cancelled = signUpSequence(o, aSignUp({ state: 'cancelled', updatedAt: '2026-05-03T10:00:05.000Z' }));
    const changed = signUpSequence({ ...o, updatedAt: '2026-05-04T00:00:00.000Z' }, aSignUp({ updatedAt: '2026-05-03T10:00:05.000Z' }));
    expect(first).toBeLessThan(cancelled);
    expect(cancelled).toBeLessThan(changed);
  });
});

describe('the Atom feed content', () => {
  it('holds current news and published opportunities with shifts ahead, newest change first', () => {
    const future = aPost({ id: '1b8f7f0e-1d2c-4b3a-8f9e-0a1b2c3d4e5f', publishOn: '2026-06-10' });
    const expired = aPost({ id: '2b8f7f0e-1d2c-4b3a-8f9e-0a1b2c3d4e5f', expiresOn: '2026-05-31' });
    const past = anOpportunity({ id: '7f1c0d1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f', shifts: [{ start: '2026-05-01T08:00:00Z', durationMinutes: 60, places: 1 }] });
    const closed = anOpportunity({ id: '8f1c0d1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f', status: 'closed' });
    const doc = municipalityFeed({ municipality: 'LV-042', name: 'Jēkabpils novads', self: `${BASE}/feed` }, [aPost(), future, expired], [anOpportunity(), past, closed], NOW, '2026-06-01', BASE, 'lv');
    expect(doc.entries.map((e) => e.id)).toEqual([`urn:uuid:${aPost().id}`, `urn:uuid:${anOpportunity().id}`]);
    // a post dated ahead is published on its day, not when it was written
    expect(doc.entries[0]?.published).toBe('2026-05-30T00:00:00.000Z');
    expect(doc.updated).toBe(aPost().updatedAt);
  });
});

describe('rendering', () => {
  it('renders RFC 5545 that ical.js reads back: UIDs, SEQUENCE, STATUS, times, Latvian text and long lines', () => {
    const long = 'Ļoti gara apraksta rinda ar garumzīmēm — āčēģīķļņšūž; komati, semikoli. '.repeat(6);
    const o = anOpportunity({ description: { lv: long }, status: 'cancelled', revision: 3 });
    const text = renderCalendar(municipalityCalendar('Jēkabpils novads: jauniešu iespējas', [o], NOW, BASE, 'lv'));
    // folded (ics folds at 75 characters; RFC 5545 asks for 75 octets as a SHOULD, which readers do not rely on)
    expect(text).toContain('\r\n\t');
    const parsed = parseCalendar(text);
    expect(parsed.name).toBe('Jēkabpils novads: jauniešu iespējas');
    expect(parsed.events).toEqual([{
      uid: shiftUid(o.id, 1), sequence: 3, status: 'CANCELLED', summary: 'Talka Mežaparkā', start: '2026-06-05T15:00:00.000Z', end: '2026-06-05T17:30:00.000Z',
      location: 'Brīvības iela 120, Jēkabpils', description: long,
    }]);
  });

  it('renders an empty calendar as a valid VCALENDAR', () => {
    expect(parseCalendar(renderCalendar({ name: 'Tukšs', events: [] })).events).toEqual([]);
  });

  it('renders RFC 4287 that fast-xml-parser validates and reads back, the text escaped for type="html"', () => {
    const doc = municipalityFeed({ municipality: 'LV-042', name: 'Jēkabpils novads', self: `${BASE}/v1/municipalities/LV-042/feed.atom` }, [aPost()], [anOpportunity()], NOW, '2026-06-01', BASE, 'lv');
    const feed = parseAtom(renderAtom(doc));
    expect(feed).toMatchObject({ namespace: 'http://www.w3.org/2005/Atom', id: doc.id, title: 'Jēkabpils novads: jauniešu jaunumi un iespējas', authors: ['Jēkabpils novads'] });
    expect(feed.links).toContainEqual({ rel: 'self', href: `${BASE}/v1/municipalities/LV-042/feed.atom` });
    const [news] = feed.entries;
    expect(news).toMatchObject({
      id: `urn:uuid:${aPost().id}`, title: 'Lielā talka &quot;Daugava&quot; &amp; draugi', summary: 'Pirmā rinda<br/>Otrā &lt;rinda&gt;',
      updated: aPost().updatedAt, published: '2026-05-30T00:00:00.000Z', categories: ['news'], authors: ['Jēkabpils novads'],
    });
  });
});
