// The youth house's attendance routes (spread into youthHouseRoutes): rosters, marking, check-in codes and check-ins,
// the coordinator's attendance report, and a young person's own sign-ups.
import * as z from 'zod';
import { hourEntrySchema } from '../domain/hours/types.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { attendanceReportSchema } from '../domain/youth-house/attendance-report.js';
import { CHECK_IN_DIGITS } from '../domain/youth-house/check-in-code.js';
import { signUpSchema } from '../domain/youth-house/types.js';
import { pageQuery } from './page-query.js';
import { defineRoute } from './route.js';

const STAFF = ['coordinator', 'supervisor'] as const;
const shiftParams = z.object({
  opportunityId: z.uuid().describe('Opportunity id'),
  shift: z.string().regex(/^[0-9]{1,2}$/, 'must be a shift index').transform(Number).describe('Shift index (0 = first)'),
});
const code = z.string().regex(new RegExp(`^[0-9]{${CHECK_IN_DIGITS}}$`), `must be the ${CHECK_IN_DIGITS}-digit code shown at the venue`);
const attendanceResult = z.object({ signUp: signUpSchema, entry: hourEntrySchema.nullable(), replayed: z.boolean() });
const ATTENDANCE_ENTRY = 'functions/http/youth-house/attendance.ts';
const REPORT_ENTRY = 'functions/http/youth-house/attendance-report.ts';
const CHECK_IN_PAGES_ENTRY = 'functions/http/youth-house/check-in-pages.ts';

export const attendanceRoutes = {
  getShiftRoster: defineRoute({
    id: 'getShiftRoster', method: 'GET', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/sign-ups', tag: 'youth-house', auth: STAFF,
    summary: "A shift's sign-ups with names and attendance (the host institution's supervisors, the municipality's coordinators)",
    params: shiftParams, response: z.object({ items: z.array(signUpSchema.extend({ name: z.string().nullable() })) }), problems: [404],
    entry: ATTENDANCE_ENTRY,
  }),
  markAttendance: defineRoute({
    id: 'markAttendance', method: 'PUT', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/sign-ups/{youthId}/attendance', tag: 'youth-house', auth: STAFF,
    summary: "Mark a registered sign-up present (its hour entry goes to the logbook through the logbook's rules) or no-show (nothing logged); the same mark again changes nothing",
    params: shiftParams.extend({ youthId: z.string().min(1).max(128).describe('The young person (token sub)') }),
    body: z.object({ status: z.enum(['present', 'no-show']) }).strict(),
    response: attendanceResult, problems: [404, 409, 422], uses: { events: true },
    entry: ATTENDANCE_ENTRY,
  }),
  getCheckInCode: defineRoute({
    id: 'getCheckInCode', method: 'GET', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/check-in-code', tag: 'youth-house', auth: STAFF,
    summary: "The shift's current check-in code (changes every 2 minutes) and its QR code as SVG, while check-in is open (30 min before the start until the end)",
    params: shiftParams,
    response: z.object({
      code, validUntil: z.string(), stepSeconds: z.number().int(),
      qrText: z.string().describe('The check-in page of the shift with the code: a phone camera opens it'), qrSvg: z.string(),
      displayUrl: z.string().describe('The venue display: a page for a screen at the venue that shows the current code and its QR and follows each new one, valid until the shift ends (whoever holds it sees the codes)'),
    }), problems: [404, 422],
    uses: { linkKey: true },
    entry: ATTENDANCE_ENTRY,
  }),
  getVenueDisplayLink: defineRoute({
    id: 'getVenueDisplayLink', method: 'GET', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/venue-display', tag: 'youth-house', auth: STAFF,
    summary: "The venue display's link at any time before the shift ends (a screen can be set up ahead: it shows the codes while check-in is open); after the end 422 youth-house.check-in-closed",
    params: shiftParams,
    response: z.object({ displayUrl: z.string(), opensAt: z.string(), closesAt: z.string() }), problems: [404, 422],
    uses: { linkKey: true },
    entry: ATTENDANCE_ENTRY,
  }),
  checkInToShift: defineRoute({
    id: 'checkInToShift', method: 'POST', path: '/v1/opportunities/{opportunityId}/shifts/{shift}/check-ins', tag: 'youth-house', auth: ['youth'],
    summary: 'Check in at the venue with the code shown there: my registered sign-up counts as present (its hour entry waits for the supervisor)',
    params: shiftParams, body: z.object({ code }).strict(), response: attendanceResult, problems: [404, 409, 422],
    uses: { linkKey: true, events: true },
    entry: ATTENDANCE_ENTRY,
  }),
  getVenueDisplay: defineRoute({
    id: 'getVenueDisplay', method: 'GET', path: '/venue/{token}', tag: 'pages', auth: 'public',
    summary: "The venue display (the link from getCheckInCode): the shift's current code and its QR, reloading itself when the code changes; before check-in opens it says when, after the shift it says it ended (410)",
    params: z.object({ token: z.string().max(120).describe('The shift and the end of its check-in, signed with the link key') }), query: pageQuery,
    produces: 'text/html', problems: [404, 410], table: 'read', uses: { linkKey: true },
    entry: CHECK_IN_PAGES_ENTRY,
  }),
  getCheckInPage: defineRoute({
    id: 'getCheckInPage', method: 'GET', path: '/check-in/{opportunityId}/{shift}', tag: 'pages', auth: 'public',
    summary: 'What the QR code at the venue opens: the shift and a sign-in form (the code prefilled); GET changes nothing',
    params: shiftParams, query: pageQuery.extend({ code: z.string().max(12).optional().describe('The code from the QR') }),
    produces: 'text/html', problems: [404], table: 'read',
    entry: CHECK_IN_PAGES_ENTRY,
  }),
  postCheckInPage: defineRoute({
    id: 'postCheckInPage', method: 'POST', path: '/check-in/{opportunityId}/{shift}', tag: 'pages', auth: 'public',
    summary: "The check-in form's post (code, email, password; same site only): signs the young person in with Cognito and checks them in as checkInToShift does; a refusal comes back on the form (422 a wrong password or a rule, 429 too many attempts)",
    params: shiftParams, query: pageQuery, produces: 'text/html', problems: [404, 422, 429],
    uses: { linkKey: true, events: true, signIn: true },
    // password guessing is slowed here as well as by Cognito's own lockout
    throttle: { rate: 5, burst: 10 },
    entry: CHECK_IN_PAGES_ENTRY,
  }),
  getAttendanceReport: defineRoute({
    id: 'getAttendanceReport', method: 'GET', path: '/v1/municipalities/{code}/attendance-report', tag: 'youth-house', auth: ['coordinator', 'agency'],
    summary: "Per opportunity and host institution: sign-ups, waitlisted, cancelled, attended, no-shows, minutes credited to the logbook",
    params: z.object({ code: municipalityCode }), response: attendanceReportSchema, problems: [404],
    entry: REPORT_ENTRY,
  }),
  getAttendanceReportCsv: defineRoute({
    id: 'getAttendanceReportCsv', method: 'GET', path: '/v1/municipalities/{code}/attendance-report.csv', tag: 'youth-house', auth: ['coordinator', 'agency'],
    summary: 'The attendance report as CSV (UTF-8 with BOM): a line per opportunity, per institution, and the total',
    params: z.object({ code: municipalityCode }), produces: 'text/csv', problems: [404],
    entry: REPORT_ENTRY,
  }),
  listMySignUps: defineRoute({
    id: 'listMySignUps', method: 'GET', path: '/v1/volunteers/me/sign-ups', tag: 'youth-house', auth: ['youth'],
    summary: 'My sign-ups (any state, with attendance) for shifts dated from..to (default: from 30 days ago, a year ahead)',
    query: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
    response: z.object({ items: z.array(signUpSchema.extend({
      title: z.object({ lv: z.string(), en: z.string().optional() }), start: z.string(),
      shiftCancelled: z.boolean().describe('The shift is off: it, or its opportunity, was cancelled'),
    })) }),
    entry: REPORT_ENTRY,
  }),
};
