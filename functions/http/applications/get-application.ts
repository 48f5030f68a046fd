// GET /v1/applications/{id} — one application, for its municipality's coordinators and the agency.
import { getApplication } from '../../../lib/domain/applications/use-cases/read-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.getApplication, ({ user, params }) => getApplication(deps, user, params.id));
