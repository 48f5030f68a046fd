// GET /v1/municipalities/{code} — one municipality.
import { repositories } from '../../../lib/wiring/deps.js';
import { getMunicipality } from '../../../lib/domain/municipalities/use-cases/get-municipality.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';

const deps = repositories();

export const handler = httpRoute(platformRoutes.getMunicipality, ({ params }) => getMunicipality(deps, params.code));
