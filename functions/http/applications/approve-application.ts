// POST /v1/applications/{id}/approve — the agency approves an amount (at most the requested total).
import { reviewApplication } from '../../../lib/domain/applications/use-cases/review-application.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.approveApplication, ({ user, params, body }) =>
  reviewApplication(deps, user, params.id, { action: 'approve', approvedAmountCents: body.approvedAmountCents }));
