// GET /v1/volunteers/me/progress — approved, pending, threshold, tier and hours still needed in a year.
import { myProgress } from '../../../lib/domain/hours/use-cases/queries.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.getMyHoursProgress, ({ user, query }) => myProgress(deps, user, yearOr(query.year)));
