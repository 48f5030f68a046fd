// POST /v1/applications/{id}/reject — the agency rejects an application, with reasons.
import { reviewApplication } from '../../../lib/domain/applications/use-cases/review-application.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.rejectApplication, ({ user, params, body }) =>
  reviewApplication(deps, user, params.id, { action: 'reject', reasons: body.reasons }));
