// PUT /v1/institutions/{institutionId}/supervisors/{supervisorId} — a coordinator assigns a supervisor.
import { assignSupervisor } from '../../../lib/domain/hours/use-cases/institutions.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.assignSupervisor, ({ user, params }) => assignSupervisor(deps, user, params.institutionId, params.supervisorId));
