// GET /v1/reports/applications/municipalities — allocation, requested and approved per municipality.
import { municipalitySummary } from '../../../lib/domain/applications/use-cases/report-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.applicationSummary, ({ user }) => municipalitySummary(deps, user));
