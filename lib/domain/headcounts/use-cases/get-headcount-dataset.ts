// The agency reads one stored head-count dataset with its provenance.
import type { HeadcountRepository } from '../../allocation/ports.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import type { HeadcountDataset } from '../types.js';

/** 1. only the agency  2. load or 404 */
export async function getHeadcountDataset(deps: { headcounts: HeadcountRepository }, user: User, id: string): Promise<HeadcountDataset> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency reads head-count datasets');
  const dataset = await deps.headcounts.getDataset(id);
  if (!dataset) throw new NotFoundError('head-count dataset', id);
  return dataset;
}
