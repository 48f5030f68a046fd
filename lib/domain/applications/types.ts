// Project application (projekta pieteikums) of a municipality to JSPA: its content, states and stored shape.
import * as z from 'zod';
import { isoDate, municipalityCode } from '../municipalities/types.js';

export const COHORTS = [1, 2] as const;
export type Cohort = (typeof COHORTS)[number];
export const cohortSchema = z.union([z.literal(1), z.literal(2)]);

export const STATUSES = ['draft', 'submitted', 'under_review', 'returned', 'resubmitted', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

/** Eligible cost categories of the call (the call's own list was not published: kept short and general). */
export const BUDGET_CATEGORIES = ['personnel', 'training', 'digital-equipment', 'software-and-services', 'youth-activities', 'communication', 'administration'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.number().int().min(0).max(100_000_000_00);

export const activitySchema = z.object({
  title: text(200),
  description: z.string().max(4000).optional(),
  startDate: isoDate,
  endDate: isoDate,
});
export type Activity = z.infer<typeof activitySchema>;

export const targetGroupSchema = z.object({
  description: text(500),
  ageFrom: z.number().int().min(0).max(120),
  ageTo: z.number().int().min(0).max(120),
});
export type TargetGroup = z.infer<typeof targetGroupSchema>;

export const teamMemberSchema = z.object({
  name: text(120),
  position: text(200),
  email: z.email().max(254).optional(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const budgetLineSchema = z.object({
  category: z.enum(BUDGET_CATEGORIES),
  description: text(500),
  amountCents: cents,
  /** When the cost is planned to be incurred (optional): no cost may fall after the project end. */
  plannedDate: isoDate.optional(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const councilDecisionSchema = z.object({ number: text(60), date: isoDate });
export const contactPersonSchema = z.object({
  name: text(120),
  email: z.email().max(254),
  phone: z.string().regex(/^\+371 ?[2-9][0-9]{7}$/, 'must be a Latvian number: +371 followed by 8 digits').optional(),
});

/**
 * What the coordinator writes. Every field is optional while drafting (a draft may be half done); the
 * shapes are still checked on every save, and completeness plus the call's rules only on submit.
 */
export const applicationContentSchema = z.object({
  title: text(200).optional(),
  summary: z.string().max(4000).optional(),
  objectives: z.array(text(1000)).max(30).optional(),
  targetGroups: z.array(targetGroupSchema).max(20).optional(),
  activities: z.array(activitySchema).max(100).optional(),
  expectedYoungPeople: z.number().int().min(0).max(1_000_000).optional(),
  team: z.array(teamMemberSchema).max(30).optional(),
  budgetLines: z.array(budgetLineSchema).max(200).optional(),
  requestedTotalCents: cents.optional(),
  councilDecision: councilDecisionSchema.optional(),
  contactPerson: contactPersonSchema.optional(),
}).strict();
export type ApplicationContent = z.infer<typeof applicationContentSchema>;

/** The top-level content fields a reviewer may comment on (a comment's field is one of these or a path below it). */
export const CONTENT_FIELDS = Object.keys(applicationContentSchema.shape) as (keyof ApplicationContent)[];

export const reviewCommentSchema = z.object({
  field: z.string().min(1).max(200).describe('content field path, e.g. budgetLines.2.amountCents'),
  comment: text(2000),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

export const decisionSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), approvedAmountCents: cents, decidedAt: z.iso.datetime(), decidedBy: z.string() }),
  z.object({ outcome: z.literal('rejected'), reasons: z.array(z.string()), decidedAt: z.iso.datetime(), decidedBy: z.string() }),
]);
export type Decision = z.infer<typeof decisionSchema>;

export const reviewRoundSchema = z.object({
  version: z.number().int(),
  returnedAt: z.iso.datetime(),
  returnedBy: z.string(),
  comments: z.array(reviewCommentSchema),
});
export type ReviewRound = z.infer<typeof reviewRoundSchema>;

/** The application as stored and returned: head state plus the working content. */
export const applicationSchema = z.object({
  id: z.string(),
  municipality: municipalityCode,
  cohort: cohortSchema,
  status: z.enum(STATUSES),
  /** Edit counter for optimistic concurrency: every change bumps it; a save must name the one it read. */
  revision: z.number().int().min(1),
  /** Number of the last frozen (submitted) version; 0 while never submitted. */
  latestVersion: z.number().int().min(0),
  content: applicationContentSchema,
  /** Comments of the latest return, per field (empty unless returned at least once). */
  reviewRounds: z.array(reviewRoundSchema),
  decision: decisionSchema.nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  updatedAt: z.iso.datetime(),
  statusChangedAt: z.iso.datetime(),
});
export type Application = z.infer<typeof applicationSchema>;

/** An uploaded attachment as recorded in a frozen version: the hash thereby covers which files were submitted. */
export const frozenAttachmentSchema = z.object({
  id: z.string(), kind: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(),
});

/** A submitted version: immutable once written; the hash covers the RFC 8785 canonical JSON of `frozen`. */
export const frozenContentSchema = z.object({
  applicationId: z.string(),
  municipality: municipalityCode,
  cohort: cohortSchema,
  version: z.number().int().min(1),
  content: applicationContentSchema,
  /** The attachments whose bytes had arrived when the version was submitted, by id. */
  attachments: z.array(frozenAttachmentSchema),
});
export type FrozenContent = z.infer<typeof frozenContentSchema>;

/** How an applicant recomputes a receipt's hash (README and OpenAPI say the same). */
export const RECEIPT_HASH_RECIPE = 'Lower-case hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS) canonical JSON of the whole `frozen` '
  + 'object of the version (GET /v1/applications/{id}/versions/{version} → frozen: applicationId, municipality, cohort, version, '
  + 'content, attachments): object keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string serialisation.';

export const applicationVersionSchema = z.object({
  frozen: frozenContentSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe(RECEIPT_HASH_RECIPE),
  submittedAt: z.iso.datetime(),
  submittedBy: z.string(),
});
export type ApplicationVersion = z.infer<typeof applicationVersionSchema>;

export const receiptSchema = z.object({
  applicationId: z.string(),
  version: z.number().int().min(1),
  submittedAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe(RECEIPT_HASH_RECIPE),
  emailed: z.boolean().describe('whether the receipt email was handed to the mail service'),
});
export type Receipt = z.infer<typeof receiptSchema>;

export { isoDate, municipalityCode };
