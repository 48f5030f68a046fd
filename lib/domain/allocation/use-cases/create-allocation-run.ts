// The agency computes a draft allocation run from a stored head-count dataset and the formula's parameters.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { MUNICIPALITIES } from '../../municipalities/registry.js';
import { planRun } from '../plan.js';
import type { AllocationRepository, HeadcountRepository } from '../ports.js';
import type { AllocationRun, CreateRunRequest } from '../types.js';

/**
 * 1. only the agency  2. load the dataset (404)  3. plan: participants, cohorts, parameters, formula
 * (400/422 with reasons, nothing stored)  4. store the draft with every parameter
 */
export async function createAllocationRun(
  deps: { headcounts: HeadcountRepository; allocations: AllocationRepository; clock: Clock },
  user: User,
  request: CreateRunRequest,
): Promise<AllocationRun> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency computes allocations');
  const dataset = await deps.headcounts.getDataset(request.datasetId);
  if (!dataset) throw new NotFoundError('head-count dataset', request.datasetId);
  const plan = planRun(dataset.lines, request, MUNICIPALITIES, dataset.provenance.referenceDate);
  const run: AllocationRun = {
    id: randomUUID(),
    status: 'draft',
    datasetId: dataset.id,
    sourceTable: dataset.provenance.sourceTable,
    referenceDate: dataset.provenance.referenceDate,
    parameters: plan.parameters,
    note: request.note ?? null,
    distributableCents: plan.distributableCents,
    totalYouth: plan.totalYouth,
    rounds: plan.rounds,
    lines: plan.lines,
    createdAt: deps.clock.now().toISOString(),
    createdBy: user.sub,
    publishedAt: null,
    publishedBy: null,
  };
  await deps.allocations.putRun(run);
  return run;
}
