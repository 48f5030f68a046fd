// POST /v1/allocations — the agency computes a draft allocation run.
import { repositories } from '../../../lib/data/repositories.js';
import { createAllocationRun } from '../../../lib/domain/allocation/use-cases/create-allocation-run.js';
import { systemClock } from '../../../lib/domain/clock.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = { ...repositories(), clock: systemClock };

export const handler = httpRoute(routes.createAllocationRun, ({ user, body }) => createAllocationRun(deps, user, body));
