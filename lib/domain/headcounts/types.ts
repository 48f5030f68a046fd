// Youth head-count datasets: the per-municipality counts of young people (13–25) and where they came from.
import * as z from 'zod';
import { isoDate, municipalityCode } from '../municipalities/types.js';

export const HEADCOUNT_FORMATS = ['json-stat2', 'csv-ird041', 'csv-simple'] as const;
export type HeadcountFormat = (typeof HEADCOUNT_FORMATS)[number];

/** Youth for the Recovery Fund: ages 13 to 25 inclusive (DOMAIN.md §2, §4). */
export const YOUTH_MIN_AGE = 13;
export const YOUTH_MAX_AGE = 25;

export const headcountLineSchema = z.object({
  code: municipalityCode,
  name: z.string(),
  youth: z.number().int().nonnegative(),
  /** The code as written in the file (a CSP AREA code or an ISO code). */
  sourceCode: z.string(),
});
export type HeadcountLine = z.infer<typeof headcountLineSchema>;

export const provenanceSchema = z.object({
  sourceTable: z.string().describe('Statistics table, e.g. IRD041'),
  referenceYear: z.number().int(),
  referenceDate: isoDate.describe('1 January of the reference year: the day the population was counted'),
  retrievedOn: isoDate.describe('When the file was fetched from the statistics portal'),
  format: z.enum(HEADCOUNT_FORMATS),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedBy: z.string(),
  importedAt: z.iso.datetime(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const headcountDatasetSchema = z.object({
  id: z.string(),
  provenance: provenanceSchema,
  totalYouth: z.number().int().nonnegative(),
  lines: z.array(headcountLineSchema),
});
export type HeadcountDataset = z.infer<typeof headcountDatasetSchema>;

export const datasetSummarySchema = headcountDatasetSchema.omit({ lines: true }).extend({ municipalities: z.number().int() });
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;
