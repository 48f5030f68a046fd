// The digital youth house's routes (its own context and stack): opportunities, the public lists, shift sign-ups.
import * as z from 'zod';
import { municipalityCode } from '../domain/municipalities/types.js';
import {
  OPPORTUNITY_KINDS, TOPICS, opportunityInputSchema, opportunityViewSchema, signUpSchema,
} from '../domain/youth-house/types.js';
import { pageQuery } from './page-query.js';
import { defineRoute } from './route.js';
import { attendanceRoutes } from './youth-house-attendance-routes.js';

const PUBLISHERS = ['coordinator', 'supervisor', 'agency'] as const;
const opportunityId = z.uuid().describe('Opportunity id');
const shiftParams = z.object({ opportunityId, shift: z.string().regex(/^[0-9]{1,2}$/, 'must be a shift index').transform(Number).describe('Shift index (0 = first)') });
const day = z.iso.date();
const WRITE_ENTRY = 'functions/http/youth-house/write.ts';
const READ_ENTRY = 'functions/http/youth-house/read.ts';
const OFFER_PAGE_ENTRY = 'functions/http/youth-house/offer-link.ts';
/** Shape only; the HMAC is checked by the use case, which answers a page (never JSON) for anything else. */
const offerToken = z.object({ token: z.string().max(200).describe('Opaque link token: the offer nonce and its HMAC') });

export const youthHouseRoutes = {
  createOpportunity: defineRoute({
    id: 'createOpportunity', method: 'POST', path: '/v1/municipalities/{code}/opportunities', tag: 'youth-house', auth: PUBLISHERS,
    summary: 'Create a draft opportunity (coordinators for their municipality, supervisors for an institution assigned to them)',
    params: z.object({ code: municipalityCode }), body: opportunityInputSchema, response: opportunityViewSchema, successStatus: 201,
    problems: [404, 422],
    entry: WRITE_ENTRY,
  }),
  updateOpportunity: defineRoute({
    id: 'updateOpportunity', method: 'PUT', path: '/v1/opportunities/{opportunityId}', tag: 'youth-house', auth: PUBLISHERS,
    summary: 'Edit an opportunity (the whole input again). A draft: anything. Published or closed: texts, topics, place, contact, age range, credited minutes, the deadline (still ahead), offer and reminder hours, places (never below those registered) and new shifts; kind, host institution and the existing shifts\' times stay. Cancelled: 409',
    params: z.object({ opportunityId }), body: opportunityInputSchema, response: opportunityViewSchema,
    problems: [404, 409, 422],
    entry: WRITE_ENTRY,
  }),
  setOpportunityStatus: defineRoute({
    id: 'setOpportunityStatus', method: 'PUT', path: '/v1/opportunities/{opportunityId}/status', tag: 'youth-house', auth: PUBLISHERS,
    summary: 'Publish, close, reopen or cancel an opportunity (draft → published → closed / cancelled)',
    params: z.object({ opportunityId }), body: z.object({ status: z.enum(['published', 'closed', 'cancelled']) }).strict(),
    response: opportunityViewSchema, problems: [404, 409, 422], uses: { events: true },
    entry: WRITE_ENTRY,
  }),
  cancelShift: defineRoute({
    id: 'cancelShift', method: 'POST', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/cancellation', tag: 'youth-house', auth: PUBLISHERS,
    summary: 'Call off one shift of a published or closed opportunity before it starts (ShiftCancelled): no more sign-ups or offers for it, everyone signed up is emailed, the feeds mark it cancelled; again changes nothing',
    params: shiftParams, response: opportunityViewSchema, problems: [404, 409, 422], uses: { events: true },
    entry: WRITE_ENTRY,
  }),
  listOpportunities: defineRoute({
    id: 'listOpportunities', method: 'GET', path: '/v1/municipalities/{code}/opportunities', tag: 'youth-house', auth: 'public',
    summary: "The municipality's published opportunities by first shift, filtered, paged with an opaque cursor (no login)",
    params: z.object({ code: municipalityCode }),
    query: z.object({
      kind: z.enum(OPPORTUNITY_KINDS).optional(), topic: z.enum(TOPICS).optional(),
      from: day.optional().describe('Shifts on or after this day (Europe/Riga)'), to: day.optional().describe('Shifts on or before this day'),
      age: z.string().regex(/^[0-9]{1,2}$/, 'must be an age').transform(Number).optional().describe('Only opportunities open to this age'),
      hasPlaces: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only shifts with places left'),
      limit: z.string().regex(/^[0-9]{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(100)).optional(),
      cursor: z.string().regex(/^[A-Za-z0-9_-]{1,500}$/, 'must be a cursor from a previous page').optional(),
    }),
    response: z.object({ items: z.array(opportunityViewSchema), cursor: z.string().optional() }), problems: [404],
    entry: READ_ENTRY,
  }),
  getOpportunity: defineRoute({
    id: 'getOpportunity', method: 'GET', path: '/v1/opportunities/{opportunityId}', tag: 'youth-house', auth: 'public',
    summary: 'One opportunity with the remaining places of each shift and schema.org Event JSON-LD (`jsonLd`) (no login)',
    params: z.object({ opportunityId }),
    response: opportunityViewSchema.extend({ jsonLd: z.array(z.record(z.string(), z.unknown())) }), problems: [404],
    entry: READ_ENTRY,
  }),
  signUpForShift: defineRoute({
    id: 'signUpForShift', method: 'POST', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/sign-ups', tag: 'youth-house', auth: ['youth'],
    summary: "Sign up for a shift: registered while places last, then waitlisted in arrival order; the logbook's age, consent and minors' rules apply on the shift's date",
    params: shiftParams, response: signUpSchema, successStatus: 201, problems: [404, 409, 422], uses: { events: true },
    entry: WRITE_ENTRY,
  }),
  cancelShiftSignUp: defineRoute({
    id: 'cancelShiftSignUp', method: 'DELETE', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/sign-ups/me', tag: 'youth-house', auth: ['youth'],
    summary: 'Cancel my sign-up (or decline the place offered to me); a place it held is offered to the first on the waitlist in the same transaction (PlaceOffered), who is emailed a link to confirm it',
    params: shiftParams, response: z.object({ cancelled: signUpSchema, offered: signUpSchema.nullable() }), problems: [404, 409, 422], uses: { events: true },
    entry: WRITE_ENTRY,
  }),
  confirmShiftOffer: defineRoute({
    id: 'confirmShiftOffer', method: 'POST', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/sign-ups/me/confirmation', tag: 'youth-house', auth: ['youth'],
    summary: "Confirm the place offered to me from the waitlist before the offer's deadline (OfferAccepted); past it: 422 youth-house.offer-expired",
    params: shiftParams, response: signUpSchema, problems: [404, 409, 422], uses: { events: true },
    entry: WRITE_ENTRY,
  }),
  offerLinkPage: defineRoute({
    id: 'getOfferLinkPage', method: 'GET', path: '/o/{token}', tag: 'pages', auth: 'public',
    summary: "A waitlist offer's email link: the shift and the deadline with confirm and decline buttons; GET changes nothing. Expired, answered or tampered links get a page saying so",
    params: offerToken, query: pageQuery, produces: 'text/html', problems: [404, 410],
    table: 'read', uses: { linkKey: true },
    entry: OFFER_PAGE_ENTRY,
  }),
  answerOfferByLink: defineRoute({
    id: 'postOfferLink', method: 'POST', path: '/o/{token}', tag: 'pages', auth: 'public',
    summary: 'The confirmed answer of an offer link (form post with its CSRF token): the same confirm or decline as the API',
    params: offerToken, query: pageQuery, produces: 'text/html', problems: [404, 409, 410],
    uses: { linkKey: true, events: true },
    entry: OFFER_PAGE_ENTRY,
  }),
  ...attendanceRoutes,
};
