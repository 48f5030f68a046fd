// POST /v1/applications — a coordinator opens a draft for their municipality.
import { createDraft } from '../../../lib/domain/applications/use-cases/create-draft.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.createApplication, ({ user, body }) => createDraft(deps, user, body));
