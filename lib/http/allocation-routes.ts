// Routes of the Recovery Fund allocation: head-count datasets, allocation runs, publication and exports.
import * as z from 'zod';
import { allocationRunSchema, comparisonSchema, createRunSchema, currentAllocationSchema, runIdSchema, runSummarySchema } from '../domain/allocation/types.js';
import { datasetSummarySchema, headcountDatasetSchema } from '../domain/headcounts/types.js';
import { importHeadcountsSchema, importSummarySchema } from '../domain/headcounts/use-cases/import-headcounts.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { defineRoute } from './route.js';

export const allocationRoutes = {
  importHeadcounts: defineRoute({
    id: 'importHeadcounts', method: 'POST', path: '/v1/headcounts', tag: 'allocation', auth: ['agency'],
    summary: 'Import youth head-counts (13–25) per municipality: IRD041 as JSON-stat 2.0 or CSV, or a plain code,name,youth CSV; a refused file stores nothing',
    body: importHeadcountsSchema.strict(),
    response: importSummarySchema,
    successStatus: 201,
    entry: 'functions/http/headcounts/import-headcounts.ts',
    memoryMb: 1024,
    timeoutSeconds: 29,
  }),
  listHeadcountDatasets: defineRoute({
    id: 'listHeadcountDatasets', method: 'GET', path: '/v1/headcounts', tag: 'allocation', auth: ['agency'],
    summary: 'Imported head-count datasets, newest first, with provenance (without their lines)',
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) }),
    response: z.object({ items: z.array(datasetSummarySchema) }),
    entry: 'functions/http/headcounts/list-headcount-datasets.ts',
  }),
  getHeadcountDataset: defineRoute({
    id: 'getHeadcountDataset', method: 'GET', path: '/v1/headcounts/{id}', tag: 'allocation', auth: ['agency'],
    summary: 'One head-count dataset with its provenance (source table, reference date, retrieval date, file hash, importer)',
    params: z.object({ id: z.uuid() }),
    response: headcountDatasetSchema,
    problems: [404],
    entry: 'functions/http/headcounts/get-headcount-dataset.ts',
  }),
  createAllocationRun: defineRoute({
    id: 'createAllocationRun', method: 'POST', path: '/v1/allocations', tag: 'allocation', auth: ['agency'],
    summary: 'Compute a draft Recovery Fund allocation from a head-count dataset and the formula parameters (euro cents)',
    body: createRunSchema.strict(),
    response: allocationRunSchema,
    successStatus: 201,
    problems: [404, 422],
    entry: 'functions/http/allocations/create-allocation-run.ts',
  }),
  listAllocationRuns: defineRoute({
    id: 'listAllocationRuns', method: 'GET', path: '/v1/allocations', tag: 'allocation', auth: ['agency'],
    summary: 'Allocation runs, newest first, with their parameters (without their lines)',
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) }),
    response: z.object({ items: z.array(runSummarySchema) }),
    entry: 'functions/http/allocations/list-allocation-runs.ts',
  }),
  getCurrentAllocation: defineRoute({
    id: 'getCurrentAllocation', method: 'GET', path: '/v1/allocations/current', tag: 'allocation', auth: ['agency', 'coordinator'],
    summary: "The published allocation: every line for the agency, the own municipality's line for a coordinator",
    query: z.object({ municipality: municipalityCode.optional() }),
    response: currentAllocationSchema,
    entry: 'functions/http/allocations/get-current-allocation.ts',
  }),
  getAllocationRun: defineRoute({
    id: 'getAllocationRun', method: 'GET', path: '/v1/allocations/{id}', tag: 'allocation', auth: ['agency'],
    summary: 'One allocation run with its parameters and every line with its explanation',
    params: z.object({ id: runIdSchema }),
    response: allocationRunSchema,
    problems: [404],
    entry: 'functions/http/allocations/get-allocation-run.ts',
  }),
  compareAllocationRuns: defineRoute({
    id: 'compareAllocationRuns', method: 'GET', path: '/v1/allocations/{id}/compare/{otherId}', tag: 'allocation', auth: ['agency'],
    summary: 'Two allocation runs line by line',
    params: z.object({ id: runIdSchema, otherId: runIdSchema }),
    response: comparisonSchema,
    problems: [404],
    entry: 'functions/http/allocations/compare-allocation-runs.ts',
  }),
  publishAllocationRun: defineRoute({
    id: 'publishAllocationRun', method: 'POST', path: '/v1/allocations/{id}/publish', tag: 'allocation', auth: ['agency'],
    summary: 'Publish a draft run: it becomes immutable and its amounts the application ceilings',
    params: z.object({ id: runIdSchema }),
    response: allocationRunSchema,
    problems: [404, 409],
    entry: 'functions/http/allocations/publish-allocation-run.ts',
  }),
  exportAllocationCsv: defineRoute({
    id: 'exportAllocationCsv', method: 'GET', path: '/v1/allocations/{id}/export.csv', tag: 'allocation', auth: ['agency'],
    summary: 'An allocation run as CSV', produces: 'text/csv',
    params: z.object({ id: runIdSchema }),
    problems: [404],
    entry: 'functions/http/allocations/export-allocation.ts',
  }),
  allocationReport: defineRoute({
    id: 'getAllocationReport', method: 'GET', path: '/v1/allocations/{id}/report.html', tag: 'allocation', auth: ['agency'],
    summary: 'An allocation run as a Latvian HTML report with SVG bar charts (no external resources)', produces: 'text/html',
    params: z.object({ id: runIdSchema }),
    problems: [404],
    entry: 'functions/http/allocations/export-allocation.ts',
  }),
} as const;
