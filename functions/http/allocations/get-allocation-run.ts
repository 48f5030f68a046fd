// GET /v1/allocations/{id} — one allocation run with its explanations.
import { repositories } from '../../../lib/wiring/deps.js';
import { getAllocationRun } from '../../../lib/domain/allocation/use-cases/get-allocation-run.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = repositories();

export const handler = httpRoute(allocationRoutes.getAllocationRun, ({ user, params }) => getAllocationRun(deps, user, params.id));
