// The youth house's news and feeds (part of its context and stack): news posts, the Atom and iCalendar feeds,
// and a youth's private calendar link.
import * as z from 'zod';
import { municipalityCode } from '../domain/municipalities/types.js';
import { newsImageRequestSchema, newsInputSchema, newsViewSchema } from '../domain/youth-house/news.js';
import { defineRoute } from './route.js';

const WRITERS = ['coordinator', 'agency'] as const;
const newsId = z.uuid().describe('News post id');
const feedQuery = z.object({ lang: z.enum(['lv', 'en']).optional().describe('Language of the feed (default: Accept-Language, else Latvian)') });
const NEWS_ENTRY = 'functions/http/youth-house/news.ts';
const ATOM_ENTRY = 'functions/http/youth-house/atom-feed.ts';
const CALENDAR_ENTRY = 'functions/http/youth-house/calendars.ts';
const upload = z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() });
const calendarLink = z.object({ url: z.string().describe('The private calendar URL: shown once, keep it secret'), createdAt: z.string() });

export const youthHouseFeedRoutes = {
  createNews: defineRoute({
    id: 'createNews', method: 'POST', path: '/v1/municipalities/{code}/news', tag: 'youth-house', auth: WRITERS,
    summary: 'Write a news post for the municipality (its coordinators, or the agency), shown from publishOn to expiresOn',
    params: z.object({ code: municipalityCode }), body: newsInputSchema, response: newsViewSchema, successStatus: 201, problems: [404],
    entry: NEWS_ENTRY,
  }),
  listNews: defineRoute({
    id: 'listNews', method: 'GET', path: '/v1/municipalities/{code}/news', tag: 'youth-house', auth: 'public',
    summary: "The municipality's current news, newest publication first (no login)",
    params: z.object({ code: municipalityCode }), response: z.object({ items: z.array(newsViewSchema) }), problems: [404],
    entry: NEWS_ENTRY,
  }),
  getNews: defineRoute({
    id: 'getNews', method: 'GET', path: '/v1/news/{newsId}', tag: 'youth-house', auth: 'public',
    summary: 'One current news post (no login)',
    params: z.object({ newsId }), response: newsViewSchema, problems: [404],
    entry: NEWS_ENTRY,
  }),
  updateNews: defineRoute({
    id: 'updateNews', method: 'PUT', path: '/v1/news/{newsId}', tag: 'youth-house', auth: WRITERS,
    summary: "Replace a post's title, text and dates (the image stays)",
    params: z.object({ newsId }), body: newsInputSchema, response: newsViewSchema, problems: [404, 409],
    entry: NEWS_ENTRY,
  }),
  deleteNews: defineRoute({
    id: 'deleteNews', method: 'DELETE', path: '/v1/news/{newsId}', tag: 'youth-house', auth: WRITERS,
    summary: 'Withdraw a news post', params: z.object({ newsId }), successStatus: 204, problems: [404],
    entry: NEWS_ENTRY,
  }),
  requestNewsImageUpload: defineRoute({
    id: 'requestNewsImageUpload', method: 'POST', path: '/v1/news/{newsId}/image', tag: 'youth-house', auth: WRITERS,
    summary: "Announce the post's image (JPEG, PNG or WebP, at most 5 MB) and get a pre-signed PUT URL valid 5 minutes, bound to its type and exact size",
    params: z.object({ newsId }), body: newsImageRequestSchema, response: z.object({ upload, news: newsViewSchema }), successStatus: 201, problems: [404, 409],
    uses: { files: 'readWrite', filesPrefix: 'news' },
    entry: NEWS_ENTRY,
  }),
  getNewsImage: defineRoute({
    id: 'getNewsImage', method: 'GET', path: '/v1/news/{newsId}/image', tag: 'youth-house', auth: 'public',
    summary: "Redirects (302) to a short-lived URL of a current post's uploaded image (no login)",
    params: z.object({ newsId }), successStatus: 302, problems: [404],
    uses: { files: 'read', filesPrefix: 'news' },
    entry: NEWS_ENTRY,
  }),
  getAtomFeed: defineRoute({
    id: 'getAtomFeed', method: 'GET', path: '/v1/municipalities/{code}/feed.atom', tag: 'youth-house', auth: 'public',
    summary: "Atom feed (RFC 4287) of the municipality's current news and published opportunities with shifts ahead (no login)",
    params: z.object({ code: municipalityCode }), query: feedQuery, produces: 'application/atom+xml', problems: [404],
    entry: ATOM_ENTRY,
  }),
  getShiftCalendar: defineRoute({
    id: 'getShiftCalendar', method: 'GET', path: '/v1/municipalities/{code}/shifts.ics', tag: 'youth-house', auth: 'public',
    summary: "iCalendar feed (RFC 5545) of the municipality's upcoming shifts: stable UIDs, SEQUENCE grows with each change, cancelled ones STATUS:CANCELLED (no login)",
    params: z.object({ code: municipalityCode }), query: feedQuery, produces: 'text/calendar', problems: [404],
    entry: CALENDAR_ENTRY,
  }),
  getMyCalendarLink: defineRoute({
    id: 'getMyCalendarLink', method: 'GET', path: '/v1/me/calendar', tag: 'youth-house', auth: ['youth'],
    summary: 'Whether I have a private shift calendar link, and since when (the URL is shown only when made)',
    response: z.object({ active: z.boolean(), createdAt: z.string().optional() }),
    entry: CALENDAR_ENTRY,
  }),
  rotateMyCalendarLink: defineRoute({
    id: 'rotateMyCalendarLink', method: 'PUT', path: '/v1/me/calendar', tag: 'youth-house', auth: ['youth'],
    summary: 'Make my private calendar URL of my own shifts; a new one replaces (and revokes) the previous one',
    response: calendarLink, problems: [409],
    entry: CALENDAR_ENTRY,
  }),
  revokeMyCalendarLink: defineRoute({
    id: 'revokeMyCalendarLink', method: 'DELETE', path: '/v1/me/calendar', tag: 'youth-house', auth: ['youth'],
    summary: 'Revoke my private calendar URL (it answers 404 from now on)', successStatus: 204, problems: [404],
    entry: CALENDAR_ENTRY,
  }),
  getPersonalCalendar: defineRoute({
    id: 'getPersonalCalendar', method: 'GET', path: '/v1/calendars/{token}', tag: 'youth-house', auth: 'public',
    summary: "A youth's own shifts as iCalendar, by the unguessable URL from PUT /v1/me/calendar (no login; 404 once revoked)",
    params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a calendar token') }), query: feedQuery, produces: 'text/calendar', problems: [404],
    entry: CALENDAR_ENTRY,
  }),
};
