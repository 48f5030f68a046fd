// POST /v1/allocations/{id}/publish — a draft becomes the current allocation.
import { tableDeps } from '../../../lib/wiring/deps.js';
import { publishAllocationRun } from '../../../lib/domain/allocation/use-cases/publish-allocation-run.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = tableDeps();

export const handler = httpRoute(allocationRoutes.publishAllocationRun, ({ user, params }) => publishAllocationRun(deps, user, params.id));
