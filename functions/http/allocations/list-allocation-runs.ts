// GET /v1/allocations — allocation runs, newest first.
import { repositories } from '../../../lib/wiring/deps.js';
import { listAllocationRuns } from '../../../lib/domain/allocation/use-cases/list-allocation-runs.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = repositories();

export const handler = httpRoute(allocationRoutes.listAllocationRuns, ({ user, query }) => listAllocationRuns(deps, user, query.limit));
