// The agency imports a youth head-count file (IRD041 or plain CSV); a refused file stores nothing.
import { createHash, randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { HeadcountRepository } from '../../allocation/ports.js';
import { rigaDate, type Clock } from '../../clock.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { MUNICIPALITIES } from '../../municipalities/registry.js';
import { isoDate, municipalityCode } from '../../municipalities/types.js';
import { parseHeadcounts } from '../parse.js';
import { HEADCOUNT_FORMATS, type HeadcountDataset } from '../types.js';

export const importHeadcountsSchema = z.object({
  format: z.enum(HEADCOUNT_FORMATS).describe('json-stat2: PxWeb answer; csv-ird041: its CSV export; csv-simple: code,name,youth'),
  content: z.string().min(1).max(8_000_000).describe('The file, as text'),
  referenceYear: z.number().int().min(2000).max(2100).optional()
    .describe('Population on 1 January of this year; IRD041 files holding one year may omit it'),
  sourceTable: z.string().trim().min(1).max(40).default('IRD041'),
  retrievedOn: isoDate.describe('When the file was fetched from the statistics portal'),
  cohort: z.array(municipalityCode).min(1).max(100).optional()
    .describe('Municipalities that must be present; default: all valid on the reference date'),
});
export type ImportHeadcountsRequest = z.output<typeof importHeadcountsSchema>;

export const importSummarySchema = z.object({
  id: z.string(),
  referenceYear: z.number().int(),
  referenceDate: z.string(),
  municipalities: z.number().int(),
  totalYouth: z.number().int(),
  fileSha256: z.string(),
});

/**
 * 1. only the agency imports; a file cannot have been retrieved after today (Riga)  2. parse and check the file against the registry (every refusal at once,
 * nothing stored)  3. hash the exact text  4. store the dataset with its provenance
 */
export async function importHeadcounts(
  deps: { headcounts: HeadcountRepository; clock: Clock },
  user: User,
  request: ImportHeadcountsRequest,
): Promise<HeadcountDataset> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency imports head-counts');
  if (request.retrievedOn > rigaDate(deps.clock.now())) {
    throw new ValidationError([{ field: 'body.retrievedOn', rule: 'headcounts.retrieved-in-future', message: 'izgūšanas datums nevar būt nākotnē / the retrieval date cannot be in the future' }]);
  }
  const parsed = parseHeadcounts(
    { format: request.format, content: request.content, referenceYear: request.referenceYear, required: request.cohort },
    MUNICIPALITIES,
  );
  const dataset: HeadcountDataset = {
    id: randomUUID(),
    provenance: {
      sourceTable: request.sourceTable,
      referenceYear: parsed.referenceYear,
      referenceDate: parsed.referenceDate,
      retrievedOn: request.retrievedOn,
      format: request.format,
      fileSha256: createHash('sha256').update(request.content, 'utf8').digest('hex'),
      importedBy: user.sub,
      importedAt: deps.clock.now().toISOString(),
    },
    totalYouth: parsed.totalYouth,
    lines: parsed.lines,
  };
  await deps.headcounts.putDataset(dataset);
  return dataset;
}
