// Allocation runs: the Recovery Fund split per municipality, its parameters, and the published (current) lines.
import * as z from 'zod';
import { municipalityCode } from '../municipalities/types.js';

/** EUR 3,590,000 from the Recovery and Resilience Facility (DOMAIN.md §2). */
export const DEFAULT_BUDGET_CENTS = 359_000_000;

const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const runIdSchema = z.uuid();

/** What the agency sends to make a draft run: a stored head-count dataset and the formula's parameters. */
export const createRunSchema = z.object({
  datasetId: z.uuid().describe('A head-count dataset from POST /v1/headcounts'),
  budgetCents: cents.default(DEFAULT_BUDGET_CENTS).describe('Total budget in euro cents (default 359,000,000)'),
  reserveCents: cents.default(0).describe('Withheld by the agency'),
  baseCents: cents.default(0).describe('Fixed base per municipality'),
  floorCents: cents.nullable().default(null).describe('Least any municipality receives'),
  capCents: cents.nullable().default(null).describe('Most any municipality receives'),
  participants: z.array(municipalityCode).min(1).max(100).optional()
    .describe('Participating municipalities; default: all valid on the dataset reference date'),
  cohort1: z.array(municipalityCode).max(100).default([]).describe('Cohort 1 tags (participants)'),
  cohort2: z.array(municipalityCode).max(100).default([]).describe('Cohort 2 tags (participants)'),
  note: z.string().max(500).optional(),
});
export type CreateRunRequest = z.output<typeof createRunSchema>;

export const explanationSchema = z.object({
  baseCents: z.number().int(),
  proportionalShare: z.string().describe('λ × youth in cents, exact ("n/d")'),
  unadjustedCents: z.string(),
  adjustment: z.enum(['floor', 'cap']).nullable(),
  adjustmentCents: z.string(),
  exactCents: z.string(),
  roundingCent: z.union([z.literal(0), z.literal(1)]),
  eurosPerYouth: z.string().nullable(),
});

export const runLineSchema = z.object({
  code: municipalityCode,
  name: z.string(),
  cohort: z.union([z.literal(1), z.literal(2)]).nullable(),
  youth: z.number().int(),
  amountCents: z.number().int(),
  explanation: explanationSchema,
});
export type RunLine = z.infer<typeof runLineSchema>;

export const runParametersSchema = z.object({
  budgetCents: z.number().int(),
  reserveCents: z.number().int(),
  baseCents: z.number().int(),
  floorCents: z.number().int().nullable(),
  capCents: z.number().int().nullable(),
  participants: z.array(municipalityCode),
  cohort1: z.array(municipalityCode),
  cohort2: z.array(municipalityCode),
});
export type RunParameters = z.infer<typeof runParametersSchema>;

export const allocationRunSchema = z.object({
  id: z.string(),
  status: z.enum(['draft', 'published']),
  datasetId: z.string(),
  sourceTable: z.string(),
  referenceDate: z.string(),
  parameters: runParametersSchema,
  note: z.string().nullable(),
  distributableCents: z.number().int(),
  totalYouth: z.number().int(),
  rounds: z.number().int(),
  lines: z.array(runLineSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export type AllocationRun = z.infer<typeof allocationRunSchema>;

/** The line another module reads as the ceiling of a municipality's project application. */
export const publishedLineSchema = z.object({
  code: municipalityCode,
  name: z.string(),
  amountCents: z.number().int(),
  runId: z.string(),
  publishedAt: z.string(),
});
export type PublishedLine = z.infer<typeof publishedLineSchema>;

export const currentAllocationSchema = z.object({
  runId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  items: z.array(publishedLineSchema),
});
export type CurrentAllocation = z.infer<typeof currentAllocationSchema>;

export const comparisonSchema = z.object({
  runId: z.string(),
  otherId: z.string(),
  totalCents: z.object({ run: z.number().int(), other: z.number().int(), difference: z.number().int() }),
  lines: z.array(z.object({
    code: municipalityCode,
    name: z.string(),
    youth: z.object({ run: z.number().int().nullable(), other: z.number().int().nullable() }),
    amountCents: z.object({ run: z.number().int().nullable(), other: z.number().int().nullable() }),
    differenceCents: z.number().int().describe('other − run (a missing line counts as 0)'),
  })),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const runSummarySchema = allocationRunSchema.pick({
  id: true, status: true, datasetId: true, referenceDate: true, note: true, distributableCents: true, totalYouth: true,
  createdAt: true, createdBy: true, publishedAt: true,
}).extend({ parameters: runParametersSchema.omit({ participants: true, cohort1: true, cohort2: true }), municipalities: z.number().int() });
export type RunSummary = z.infer<typeof runSummarySchema>;
