// The agency publishes a draft run: it becomes immutable and its amounts become the application ceilings.
import type { Clock } from '../../clock.js';
import { ConflictError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import type { AllocationRepository } from '../ports.js';
import type { AllocationRun } from '../types.js';
import { getAllocationRun } from './get-allocation-run.js';

/**
 * 1. load the run (agency only, 404)  2. it must still be a draft (409)  3. in one transaction: mark it
 * published (conditional on draft) and replace the current allocation lines (409 on a concurrent publish)
 */
export async function publishAllocationRun(deps: { allocations: AllocationRepository; clock: Clock }, user: User, id: string): Promise<AllocationRun> {
  const run = await getAllocationRun(deps, user, id);
  if (run.status !== 'draft') throw new ConflictError(`allocation run ${id} is already published`, { lv: 'Aprēķins jau publicēts', en: 'The run is already published' });
  return deps.allocations.publish(run, deps.clock.now().toISOString(), user.sub);
}
