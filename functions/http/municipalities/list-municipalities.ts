// GET /v1/municipalities — the public municipality list.
import { repositories } from '../../../lib/wiring/deps.js';
import { listMunicipalities } from '../../../lib/domain/municipalities/use-cases/list-municipalities.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';

const deps = repositories();

export const handler = httpRoute(platformRoutes.listMunicipalities, async ({ query }) =>
  ({ items: await listMunicipalities(deps, query) }));
