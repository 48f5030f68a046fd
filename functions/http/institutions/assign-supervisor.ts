// PUT /v1/institutions/{institutionId}/supervisors/{supervisorId} — a coordinator assigns a supervisor.
import { assignSupervisor } from '../../../lib/domain/hours/use-cases/institutions.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.assignSupervisor, ({ user, params }) => assignSupervisor(deps, user, params.institutionId, params.supervisorId));
