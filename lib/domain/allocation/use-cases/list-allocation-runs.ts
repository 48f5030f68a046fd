// The agency lists allocation runs and head-count datasets, newest first, to pick what to compare or publish.
import { ForbiddenError } from '../../errors.js';
import type { DatasetSummary } from '../../headcounts/types.js';
import type { User } from '../../identity/types.js';
import type { AllocationRepository, HeadcountRepository } from '../ports.js';
import type { RunSummary } from '../types.js';

/** 1. only the agency  2. the newest `limit` runs, without their lines */
export async function listAllocationRuns(deps: { allocations: AllocationRepository }, user: User, limit: number): Promise<{ items: RunSummary[] }> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency lists allocation runs');
  return { items: await deps.allocations.listRuns(limit) };
}

/** 1. only the agency  2. the newest `limit` datasets, without their lines */
export async function listHeadcountDatasets(deps: { headcounts: HeadcountRepository }, user: User, limit: number): Promise<{ items: DatasetSummary[] }> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency lists head-count datasets');
  return { items: await deps.headcounts.listDatasets(limit) };
}
