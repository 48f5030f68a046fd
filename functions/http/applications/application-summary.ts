// GET /v1/reports/applications/municipalities — allocation, requested and approved per municipality.
import { municipalitySummary } from '../../../lib/domain/applications/use-cases/report-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(routes.applicationSummary, ({ user }) => municipalitySummary(deps, user));
