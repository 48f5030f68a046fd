// POST /v1/applications/{id}/resubmit — check, freeze, hash and receipt a returned application again.
import { submitApplication } from '../../../lib/domain/applications/use-cases/submit-application.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.resubmitApplication, ({ user, params, body }) => submitApplication(deps, user, params.id, body, 'resubmit'));
