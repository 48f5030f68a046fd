// GET /v1/supervisors/me/queue — pending entries of the supervisor's institutions, oldest first.
import { pendingQueue } from '../../../lib/domain/hours/use-cases/queries.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.getSupervisorQueue, async ({ user, query }) => ({ items: await pendingQueue(deps, user, query.limit ?? 100) }));
