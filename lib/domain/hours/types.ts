// Volunteer-hours logbook (brīvprātīgā darba stundu uzskaites grāmatiņa): the shapes of its data and policy.
import * as z from 'zod';
import { isoDate, municipalityCode } from '../municipalities/types.js';

export const hhmm = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time HH:MM (00:00–23:59)');
const text = (max: number) => z.string().trim().min(1).max(max);

export const GUARDIAN_RELATIONS = ['parent', 'guardian', 'other-legal-representative'] as const;

/**
 * The legal representative's written consent as the rules see it (Brīvprātīgā darba likums §4(2)): a projection of
 * the consent record (lib/domain/hours/consent.ts) kept on the volunteer in the same transaction that records or
 * withdraws it. Only a guardian's signed link or a coordinator's paper consent writes it; the youth never does.
 */
export const guardianConsentSchema = z.object({
  name: text(120).describe('Who consented'),
  relation: z.enum(GUARDIAN_RELATIONS),
  date: isoDate.describe('Date of the written consent (Europe/Riga)'),
  via: z.enum(['email-link', 'paper']).describe("How it was given: the guardian's signed link or a paper form recorded by the coordinator"),
  withdrawnAt: z.iso.datetime().nullable().describe('Set when the guardian withdrew it: no new hours or sign-ups from then on'),
});
export type GuardianConsent = z.infer<typeof guardianConsentSchema>;

export const volunteerInputSchema = z.object({
  name: text(120),
  birthDate: isoDate,
  email: z.email().max(254),
  municipality: municipalityCode.describe('Home municipality: its programme counts the hours'),
  inBasicSchool: z.boolean().default(false).describe('Still in basic school (pamatskola): child caps apply until 18'),
}).strict();
export type VolunteerInput = z.infer<typeof volunteerInputSchema>;

export const volunteerSchema = volunteerInputSchema.extend({
  id: z.string().describe('The youth user id (token sub)'),
  guardianConsent: guardianConsentSchema.nullable().describe("The guardian's consent (POST /v1/volunteers/me/guardian-consent asks for it); null until recorded"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().optional().describe('Set when the account was closed: the profile is pseudonymised, sign-in disabled'),
  retainedUntil: z.iso.date().optional().describe("A closed account's records are kept until this day (the programme's retentionYears after closure), then erased"),
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const institutionInputSchema = z.object({
  name: text(200),
  address: text(300).optional(),
  contactEmail: z.email().max(254).optional(),
}).strict();
export type InstitutionInput = z.infer<typeof institutionInputSchema>;

export const institutionSchema = institutionInputSchema.extend({
  id: z.string(),
  municipality: municipalityCode,
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type Institution = z.infer<typeof institutionSchema>;

export const supervisorAssignmentSchema = z.object({
  institutionId: z.string(),
  supervisorId: z.string(),
  municipality: municipalityCode,
  assignedAt: z.iso.datetime(),
  assignedBy: z.string(),
});
export type SupervisorAssignment = z.infer<typeof supervisorAssignmentSchema>;

export const tierSchema = z.object({ name: text(60), minMinutes: z.number().int().positive() });
export type Tier = z.infer<typeof tierSchema>;

export const recognitionEventSchema = z.object({ date: isoDate, place: text(200), text: text(2000) });

/** The municipality's recognition programme: every limit is policy, with the defaults of DOMAIN.md §1. */
export const programmeInputSchema = z.object({
  thresholdMinutes: z.number().int().positive().max(100_000).default(3600).describe('Approved minutes per calendar year for recognition (default 60 h)'),
  tiers: z.array(tierSchema).max(10).default([]).describe('Optional named tiers, e.g. bronze 50 h, silver 100 h, gold 150 h'),
  minAge: z.number().int().min(0).max(99).default(13),
  maxAge: z.number().int().min(0).max(99).default(25),
  consentUpToAge: z.number().int().min(0).max(99).default(16).describe('Guardian consent required up to and including this age'),
  lateEntryDeadline: z.string().regex(/^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$/, 'must be MM-DD').default('01-31')
    .describe("Last day (MM-DD) of the next year on which a year's hours can still be logged"),
  childAgeBelow: z.number().int().min(0).max(99).default(15),
  basicSchoolChildAgeBelow: z.number().int().min(0).max(99).default(18),
  childDailyMinutes: z.number().int().positive().max(1440).default(240),
  childNightFrom: hhmm.default('20:00'),
  childNightUntil: hhmm.default('06:00'),
  minorAgeBelow: z.number().int().min(0).max(99).default(18),
  minorDailyMinutes: z.number().int().positive().max(1440).default(420),
  minorWeeklyMinutes: z.number().int().positive().max(10080).default(2100),
  adultDailyMinutes: z.number().int().positive().max(1440).default(720),
  acceptsOtherMunicipalities: z.boolean().default(false).describe('Youth of other municipalities may log hours at our institutions'),
  recognitionEvent: recognitionEventSchema.nullable().default(null),
  rollingIssue: z.boolean().default(false).describe('Certificates also issued during the year as the threshold is reached'),
  attendanceApproves: z.boolean().default(false)
    .describe("A youth-house shift's hours are approved at once when the institution's assigned supervisor marks the attendance (else they wait for the decision)"),
  digestHour: z.number().int().min(0).max(23).default(8).describe("Hour (Europe/Riga) at which supervisors get the daily email of their pending entries"),
  retentionYears: z.number().int().min(1).max(75).default(5)
    .describe("Years after an account's closure for which the municipality keeps its approved entries and issued certificates"),
}).strict().refine((p) => p.minAge <= p.maxAge, { message: 'minAge must not exceed maxAge', path: ['minAge'] });
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export type Programme = ProgrammeInput & { municipality: string; updatedAt: string | null; updatedBy: string | null };

export function defaultProgramme(municipality: string): Programme {
  return { ...programmeInputSchema.parse({}), municipality, updatedAt: null, updatedBy: null };
}

export const ENTRY_STATES = ['pending', 'approved', 'rejected', 'reversed'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const TASK_CATEGORIES = ['social-care', 'environment', 'culture', 'sport', 'education', 'events', 'animals', 'community', 'other'] as const;

export const entryInputSchema = z.object({
  institutionId: z.string().min(1).max(64),
  date: isoDate,
  minutes: z.number().int().positive().max(1440).describe('Duration in 15-minute steps'),
  startTime: hhmm.optional(),
  activity: text(1000).describe('What was done'),
  category: z.enum(TASK_CATEGORIES),
}).strict();
export type EntryInput = z.infer<typeof entryInputSchema>;

/** Where an entry came from when not logged by the youth: an attended youth-house shift. */
export const entrySourceSchema = z.object({ kind: z.literal('shift'), opportunityId: z.string(), shift: z.number().int() }).strict();
export type EntrySource = z.infer<typeof entrySourceSchema>;

export const hourEntrySchema = entryInputSchema.extend({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  programme: municipalityCode.describe("The volunteer's municipality, whose programme counts the hours"),
  institutionMunicipality: municipalityCode,
  institutionName: z.string(),
  state: z.enum(ENTRY_STATES),
  approvedMinutes: z.number().int().nonnegative().describe('Minutes counted once approved (0 otherwise)'),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  comment: z.string().nullable().describe('Supervisor comment (approving fewer minutes) or rejection/reversal reason'),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  source: entrySourceSchema.optional().describe('Absent when the youth logged the entry; the shift when it came from attendance'),
});
export type HourEntry = z.infer<typeof hourEntrySchema>;

export const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }).strict(),
  z.object({
    decision: z.literal('approve-fewer'),
    approvedMinutes: z.number().int().positive().max(1440),
    comment: text(1000),
  }).strict(),
  z.object({ decision: z.literal('reject'), reason: text(1000) }).strict(),
]);
export type Decision = z.infer<typeof decisionSchema>;

/** Approved and pending minutes of one volunteer in one programme and calendar year. */
export interface Tally {
  volunteerId: string;
  programme: string;
  year: number;
  approvedMinutes: number;
  pendingMinutes: number;
  eligible: boolean;
  /** First time the threshold was reached; never cleared, so ThresholdReached fires once. */
  thresholdReachedAt: string | null;
  version: number;
}

export function emptyTally(volunteerId: string, programme: string, year: number): Tally {
  return { volunteerId, programme, year, approvedMinutes: 0, pendingMinutes: 0, eligible: false, thresholdReachedAt: null, version: 0 };
}

export interface AuditRecord {
  entryId: string;
  at: string;
  by: string;
  from: EntryState | null;
  to: EntryState;
  reason: string | null;
  /** How the decision came: absent for the API, `email-link` for a supervisor's confirmed email link. */
  via?: 'email-link';
}

export const progressSchema = z.object({
  year: z.number().int(),
  programme: municipalityCode,
  approvedMinutes: z.number().int(),
  pendingMinutes: z.number().int(),
  thresholdMinutes: z.number().int(),
  eligible: z.boolean(),
  tierReached: z.string().nullable(),
  minutesStillNeeded: z.number().int(),
});
export type Progress = z.infer<typeof progressSchema>;
