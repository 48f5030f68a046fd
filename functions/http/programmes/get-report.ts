// GET /v1/municipalities/{code}/hours-report — hours per institution, volunteer and month for a coordinator.
import { municipalityReport } from '../../../lib/domain/hours/use-cases/queries.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.getHoursReport, ({ user, params, query }) => municipalityReport(deps, user, params.code, yearOr(query.year)));
