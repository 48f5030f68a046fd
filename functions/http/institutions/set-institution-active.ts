// PUT /v1/institutions/{institutionId}/active — a coordinator opens or closes an institution.
import { setInstitutionActive } from '../../../lib/domain/hours/use-cases/institutions.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.setInstitutionActive, ({ user, params, body }) => setInstitutionActive(deps, user, params.institutionId, body.active));
