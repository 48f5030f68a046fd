// POST /v1/applications/{id}/submit — check, freeze, hash and receipt a draft.
import { submitApplication } from '../../../lib/domain/applications/use-cases/submit-application.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.submitApplication, ({ user, params, body }) => submitApplication(deps, user, params.id, body, 'submit'));
