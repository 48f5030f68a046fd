// GET /v1/municipalities/{code}/applications — a municipality's applications.
import { listMunicipalityApplications } from '../../../lib/domain/applications/use-cases/read-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.listMunicipalityApplications, async ({ user, params }) =>
  ({ items: await listMunicipalityApplications(deps, user, params.code) }));
