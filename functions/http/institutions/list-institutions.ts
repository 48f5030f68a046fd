// GET /v1/municipalities/{code}/institutions — the municipality's host institutions.
import { listInstitutions } from '../../../lib/domain/hours/use-cases/institutions.js';
import { assertReads, hoursDeps } from '../../../lib/http/hours-deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.listInstitutions, async ({ user, params }) => {
  assertReads(user, params.code);
  return { items: await listInstitutions(deps, params.code) };
});
