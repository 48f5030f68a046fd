// PUT /v1/applications/{id}/draft — save the working content under optimistic concurrency.
import { saveDraft } from '../../../lib/domain/applications/use-cases/save-draft.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.saveApplicationDraft, ({ user, params, body }) => saveDraft(deps, user, params.id, body));
