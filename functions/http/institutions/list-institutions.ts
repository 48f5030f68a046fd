// GET /v1/municipalities/{code}/institutions — the municipality's host institutions.
import { listInstitutions } from '../../../lib/domain/hours/use-cases/institutions.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.listInstitutions, async ({ user, params }) => ({ items: await listInstitutions(deps, user, params.code) }));
