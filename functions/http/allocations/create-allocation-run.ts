// POST /v1/allocations — the agency computes a draft allocation run.
import { tableDeps } from '../../../lib/wiring/deps.js';
import { createAllocationRun } from '../../../lib/domain/allocation/use-cases/create-allocation-run.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = tableDeps();

export const handler = httpRoute(allocationRoutes.createAllocationRun, ({ user, body }) => createAllocationRun(deps, user, body));
