// The agency reads one run, or two side by side.
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { compareRuns } from '../compare.js';
import type { AllocationRepository } from '../ports.js';
import type { AllocationRun, Comparison } from '../types.js';

/** 1. only the agency  2. load or 404 */
export async function getAllocationRun(deps: { allocations: AllocationRepository }, user: User, id: string): Promise<AllocationRun> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency reads allocation runs');
  const run = await deps.allocations.getRun(id);
  if (!run) throw new NotFoundError('allocation run', id);
  return run;
}

/** 1. load both (404 for either)  2. compare line by line */
export async function compareAllocationRuns(deps: { allocations: AllocationRepository }, user: User, id: string, otherId: string): Promise<Comparison> {
  const [run, other] = await Promise.all([getAllocationRun(deps, user, id), getAllocationRun(deps, user, otherId)]);
  return compareRuns(run, other);
}
