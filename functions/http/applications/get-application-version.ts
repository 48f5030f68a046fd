// GET /v1/applications/{id}/versions/{version} — one frozen version.
import { getVersion } from '../../../lib/domain/applications/use-cases/read-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.getApplicationVersion, ({ user, params }) => getVersion(deps, user, params.id, params.version));
