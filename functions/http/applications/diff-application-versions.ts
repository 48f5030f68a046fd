// GET /v1/applications/{id}/diff?from&to — field-level differences between two frozen versions.
import { diffVersions } from '../../../lib/domain/applications/use-cases/read-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.diffApplicationVersions, ({ user, params, query }) =>
  diffVersions(deps, user, params.id, query.from, query.to));
