// GET /v1/reports/applications/progress — national progress of approved applications against the targets.
import { progressReport } from '../../../lib/domain/applications/use-cases/report-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.applicationProgress, ({ user }) => progressReport(deps, user));
