// GET /v1/grants/360giving.json — approved grants as 360Giving open data.
import { exportGrants } from '../../../lib/domain/applications/use-cases/report-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.exportGrants360, () => exportGrants(deps));
