// POST /v1/municipalities/{code}/institutions — a coordinator registers a host institution.
import { registerInstitution } from '../../../lib/domain/hours/use-cases/institutions.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.registerInstitution, ({ user, params, body }) => registerInstitution(deps, user, params.code, body));
