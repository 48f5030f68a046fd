// GET /v1/municipalities/{code}/institutions — the municipality's host institutions.
import { listInstitutions } from '../../../lib/domain/hours/use-cases/institutions.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.listInstitutions, async ({ user, params }) => ({ items: await listInstitutions(deps, user, params.code) }));
