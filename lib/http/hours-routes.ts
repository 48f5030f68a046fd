// The volunteer-hours logbook's routes (spread into the route table in routes.ts).
import * as z from 'zod';
import { municipalityCode } from '../domain/municipalities/types.js';
import {
  decisionSchema, entryInputSchema, hourEntrySchema, institutionInputSchema, institutionSchema, programmeInputSchema,
  progressSchema, recognitionEventSchema, supervisorAssignmentSchema, tierSchema, volunteerInputSchema, volunteerSchema,
} from '../domain/hours/types.js';
import { ROLES } from '../domain/identity/types.js';
import { defineRoute } from './route.js';

const COORDINATION = ['coordinator', 'agency'] as const;
const yearQuery = z.object({ year: z.string().regex(/^20[0-9]{2}$/, 'must be a year such as 2026').transform(Number).optional().describe('Calendar year (Europe/Riga); default the current one') });
const entryId = z.object({ entryId: z.uuid().describe('Hour entry id') });
const institutionId = z.uuid().describe('Institution id');
const programmeSchema = programmeInputSchema.safeExtend({
  municipality: municipalityCode, updatedAt: z.string().nullable(), updatedBy: z.string().nullable(),
  tiers: z.array(tierSchema), recognitionEvent: recognitionEventSchema.nullable(),
});
const reportSchema = z.object({
  municipality: municipalityCode, year: z.number().int(), thresholdMinutes: z.number().int(),
  totals: z.object({ approvedMinutes: z.number(), pendingMinutes: z.number(), volunteers: z.number(), eligibleVolunteers: z.number() }),
  byInstitution: z.array(z.object({ institutionId: z.string(), name: z.string(), approvedMinutes: z.number(), pendingMinutes: z.number() })),
  byVolunteer: z.array(z.object({ volunteerId: z.string(), name: z.string(), approvedMinutes: z.number(), pendingMinutes: z.number(), eligible: z.boolean() })),
  byMonth: z.array(z.object({ month: z.string(), approvedMinutes: z.number(), pendingMinutes: z.number() })),
});

export const hoursRoutes = {
  putMyVolunteerProfile: defineRoute({
    id: 'putMyVolunteerProfile', method: 'PUT', path: '/v1/volunteers/me', tag: 'hours', auth: ['youth'],
    summary: 'Create or update my volunteer profile (guardian consent needed up to the programme consent age, default 16)',
    body: volunteerInputSchema, response: volunteerSchema, problems: [404],
    entry: 'functions/http/volunteers/put-my-profile.ts',
  }),
  getMyVolunteerProfile: defineRoute({
    id: 'getMyVolunteerProfile', method: 'GET', path: '/v1/volunteers/me', tag: 'hours', auth: ['youth'],
    summary: 'My volunteer profile', response: volunteerSchema, problems: [404],
    entry: 'functions/http/volunteers/get-my-profile.ts',
  }),
  listMyHourEntries: defineRoute({
    id: 'listMyHourEntries', method: 'GET', path: '/v1/volunteers/me/hour-entries', tag: 'hours', auth: ['youth'],
    summary: 'My hour entries of a year, by date (every state)', query: yearQuery,
    response: z.object({ year: z.number(), items: z.array(hourEntrySchema) }),
    entry: 'functions/http/volunteers/list-my-entries.ts',
  }),
  getMyHoursProgress: defineRoute({
    id: 'getMyHoursProgress', method: 'GET', path: '/v1/volunteers/me/progress', tag: 'hours', auth: ['youth'],
    summary: 'My progress in a year: approved, pending, threshold, tier reached, minutes still needed', query: yearQuery,
    response: progressSchema, problems: [404],
    entry: 'functions/http/volunteers/get-my-progress.ts',
  }),
  submitHourEntry: defineRoute({
    id: 'submitHourEntry', method: 'POST', path: '/v1/hour-entries', tag: 'hours', auth: ['youth'],
    summary: 'Log hours (pending until a supervisor decides). Send an Idempotency-Key header to make retries safe',
    headers: z.object({
      'idempotency-key': z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'Idempotency-Key must be 8–128 characters of A–Z a–z 0–9 _ . : -').optional()
        .describe('Retries with the same key return the first result and write nothing new'),
    }),
    body: entryInputSchema, response: hourEntrySchema, successStatus: 201, problems: [409, 422],
    uses: { events: true },
    entry: 'functions/http/hours/submit-entry.ts',
  }),
  decideHourEntry: defineRoute({
    id: 'decideHourEntry', method: 'POST', path: '/v1/hour-entries/{entryId}/decision', tag: 'hours', auth: ['supervisor'],
    summary: 'Approve, approve fewer minutes (with a comment) or reject (with a reason) one pending entry',
    params: entryId, body: decisionSchema, response: hourEntrySchema, problems: [404, 409, 422],
    uses: { events: true },
    entry: 'functions/http/hours/decide-entry.ts',
  }),
  decideHourEntries: defineRoute({
    id: 'decideHourEntries', method: 'POST', path: '/v1/hour-entries/decisions', tag: 'hours', auth: ['supervisor'],
    summary: 'Decide up to 100 pending entries; answers 207 with a status per item',
    body: z.object({ items: z.array(z.object({ entryId: z.uuid(), decision: decisionSchema }).strict()).min(1).max(100) }).strict(),
    successStatus: 207,
    response: z.object({ items: z.array(z.object({ entryId: z.string(), status: z.number().int(), entry: hourEntrySchema.optional(), problem: z.unknown().optional() })) }),
    uses: { events: true },
    entry: 'functions/http/hours/decide-entries.ts',
  }),
  reverseHourEntry: defineRoute({
    id: 'reverseHourEntry', method: 'POST', path: '/v1/hour-entries/{entryId}/reversal', tag: 'hours', auth: COORDINATION,
    summary: "Reverse an approved entry with a reason (the volunteer's municipality coordinator); nothing is deleted",
    params: entryId, body: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(), response: hourEntrySchema, problems: [404, 409, 422],
    uses: { events: true },
    entry: 'functions/http/hours/reverse-entry.ts',
  }),
  getSupervisorQueue: defineRoute({
    id: 'getSupervisorQueue', method: 'GET', path: '/v1/supervisors/me/queue', tag: 'hours', auth: ['supervisor'],
    summary: 'Pending entries of the institutions assigned to me, oldest first',
    query: z.object({ limit: z.string().regex(/^[0-9]{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(100)).optional() }),
    response: z.object({ items: z.array(hourEntrySchema) }),
    entry: 'functions/http/hours/get-queue.ts',
  }),
  registerInstitution: defineRoute({
    id: 'registerInstitution', method: 'POST', path: '/v1/municipalities/{code}/institutions', tag: 'hours', auth: COORDINATION,
    summary: 'Register a host institution of the municipality', params: z.object({ code: municipalityCode }),
    body: institutionInputSchema, response: institutionSchema, successStatus: 201, problems: [404, 409],
    entry: 'functions/http/institutions/register-institution.ts',
  }),
  listInstitutions: defineRoute({
    id: 'listInstitutions', method: 'GET', path: '/v1/municipalities/{code}/institutions', tag: 'hours', auth: ROLES,
    summary: "The municipality's host institutions (youth: any municipality; staff: their own)", params: z.object({ code: municipalityCode }),
    response: z.object({ items: z.array(institutionSchema) }), problems: [404],
    entry: 'functions/http/institutions/list-institutions.ts',
  }),
  setInstitutionActive: defineRoute({
    id: 'setInstitutionActive', method: 'PUT', path: '/v1/institutions/{institutionId}/active', tag: 'hours', auth: COORDINATION,
    summary: 'Open or close an institution for new hours', params: z.object({ institutionId }),
    body: z.object({ active: z.boolean() }).strict(), response: institutionSchema, problems: [404],
    entry: 'functions/http/institutions/set-institution-active.ts',
  }),
  assignSupervisor: defineRoute({
    id: 'assignSupervisor', method: 'PUT', path: '/v1/institutions/{institutionId}/supervisors/{supervisorId}', tag: 'hours', auth: COORDINATION,
    summary: 'Assign a supervisor (user id) to an institution of the municipality',
    params: z.object({ institutionId, supervisorId: z.string().regex(/^[A-Za-z0-9._@:-]{1,128}$/, 'must be a user id') }),
    response: supervisorAssignmentSchema, problems: [404],
    entry: 'functions/http/institutions/assign-supervisor.ts',
  }),
  getHoursProgramme: defineRoute({
    id: 'getHoursProgramme', method: 'GET', path: '/v1/municipalities/{code}/hours-programme', tag: 'hours', auth: ROLES,
    summary: "The municipality's recognition programme (defaults until set)", params: z.object({ code: municipalityCode }),
    response: programmeSchema, problems: [404],
    entry: 'functions/http/programmes/get-programme.ts',
  }),
  putHoursProgramme: defineRoute({
    id: 'putHoursProgramme', method: 'PUT', path: '/v1/municipalities/{code}/hours-programme', tag: 'hours', auth: COORDINATION,
    summary: 'Set the recognition programme: threshold, tiers, ages, consent age, late-entry deadline, caps, event',
    params: z.object({ code: municipalityCode }), body: programmeInputSchema, response: programmeSchema, problems: [404],
    entry: 'functions/http/programmes/put-programme.ts',
  }),
  getHoursReport: defineRoute({
    id: 'getHoursReport', method: 'GET', path: '/v1/municipalities/{code}/hours-report', tag: 'hours', auth: COORDINATION,
    summary: "Hours of the municipality's programme in a year: per institution, per volunteer, per month",
    params: z.object({ code: municipalityCode }), query: yearQuery, response: reportSchema, problems: [404],
    entry: 'functions/http/programmes/get-report.ts',
  }),
  exportMyHoursCsv: defineRoute({
    id: 'exportMyHoursCsv', method: 'GET', path: '/v1/volunteers/me/hours.csv', tag: 'hours', auth: ['youth'],
    summary: 'My entries of a year as CSV (UTF-8 with BOM)', query: yearQuery, produces: 'text/csv',
    entry: 'functions/http/volunteers/export-my-hours-csv.ts',
  }),
  exportMyHoursPdf: defineRoute({
    id: 'exportMyHoursPdf', method: 'GET', path: '/v1/volunteers/me/hours.pdf', tag: 'hours', auth: ['youth'],
    summary: 'My statement of approved hours for a year (PDF, Latvian)', query: yearQuery, produces: 'application/pdf', problems: [404],
    memoryMb: 1024,
    uses: { fonts: true },
    entry: 'functions/http/volunteers/export-my-hours-pdf.ts',
  }),
  getHoursReportCsv: defineRoute({
    id: 'getHoursReportCsv', method: 'GET', path: '/v1/municipalities/{code}/hours-report.csv', tag: 'hours', auth: COORDINATION,
    summary: "The municipality's hours report as CSV: per institution, per volunteer, per month",
    params: z.object({ code: municipalityCode }), query: yearQuery, produces: 'text/csv', problems: [404],
    entry: 'functions/http/programmes/get-report-csv.ts',
  }),
};
