// GET /v1/municipalities/{code}/hours-report — hours per institution, volunteer and month for a coordinator.
import { municipalityReport } from '../../../lib/domain/hours/use-cases/queries.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.getHoursReport, ({ user, params, query }) => municipalityReport(deps, user, params.code, yearOr(query.year)));
