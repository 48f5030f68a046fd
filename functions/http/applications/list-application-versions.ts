// GET /v1/applications/{id}/versions — every frozen version with its hash.
import { listVersions } from '../../../lib/domain/applications/use-cases/read-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.listApplicationVersions, async ({ user, params }) => ({ items: await listVersions(deps, user, params.id) }));
