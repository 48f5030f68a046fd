// POST /v1/applications/{id}/return — the agency returns an application with per-field comments.
import { reviewApplication } from '../../../lib/domain/applications/use-cases/review-application.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.returnApplication, ({ user, params, body }) =>
  reviewApplication(deps, user, params.id, { action: 'return', comments: body.comments }));
