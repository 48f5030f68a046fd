// GET /v1/allocations/{id}/compare/{otherId} — two runs line by line.
import { repositories } from '../../../lib/wiring/deps.js';
import { compareAllocationRuns } from '../../../lib/domain/allocation/use-cases/get-allocation-run.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = repositories();

export const handler = httpRoute(allocationRoutes.compareAllocationRuns, ({ user, params }) => compareAllocationRuns(deps, user, params.id, params.otherId));
