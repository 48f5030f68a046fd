// PUT /v1/municipalities/{code}/youth-contact — the municipality's public youth affairs contact.
import { tableDeps } from '../../../lib/wiring/deps.js';
import { setYouthContact } from '../../../lib/domain/municipalities/use-cases/set-youth-contact.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';

const deps = tableDeps();

export const handler = httpRoute(platformRoutes.setYouthContact, ({ user, params, body }) =>
  setYouthContact(deps, user, params.code, body));
