// POST /v1/allocations/{id}/publish — a draft becomes the current allocation.
import { repositories } from '../../../lib/data/repositories.js';
import { publishAllocationRun } from '../../../lib/domain/allocation/use-cases/publish-allocation-run.js';
import { systemClock } from '../../../lib/domain/clock.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = { ...repositories(), clock: systemClock };

export const handler = httpRoute(routes.publishAllocationRun, ({ user, params }) => publishAllocationRun(deps, user, params.id));
