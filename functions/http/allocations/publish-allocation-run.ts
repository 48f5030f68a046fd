// POST /v1/allocations/{id}/publish — a draft becomes the current allocation.
import { tableDeps } from '../../../lib/wiring/deps.js';
import { publishAllocationRun } from '../../../lib/domain/allocation/use-cases/publish-allocation-run.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = tableDeps();

export const handler = httpRoute(routes.publishAllocationRun, ({ user, params }) => publishAllocationRun(deps, user, params.id));
