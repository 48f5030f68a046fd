// GET /v1/allocations/current — the published allocation (agency: all; coordinator: own line).
import { repositories } from '../../../lib/wiring/deps.js';
import { getCurrentAllocation } from '../../../lib/domain/allocation/use-cases/get-current-allocation.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = repositories();

export const handler = httpRoute(allocationRoutes.getCurrentAllocation, ({ user, query }) => getCurrentAllocation(deps, user, query.municipality));
