// GET /v1/volunteers/me/hour-entries — the youth's entries of a year.
import { listMyEntries } from '../../../lib/domain/hours/use-cases/queries.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.listMyHourEntries, async ({ user, query }) => {
  const year = yearOr(query.year);
  return { year, items: await listMyEntries(deps, user, year) };
});
