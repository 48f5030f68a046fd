// POST /v1/applications/{id}/review — the agency takes an application into review.
import { reviewApplication } from '../../../lib/domain/applications/use-cases/review-application.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.startApplicationReview, ({ user, params }) =>
  reviewApplication(deps, user, params.id, { action: 'startReview' }));
