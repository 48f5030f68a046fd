// GET /v1/volunteers/me/hours.csv — the youth's entries of a year as CSV.
import { volunteerYearCsv } from '../../../lib/domain/hours/exports.js';
import { listMyEntries } from '../../../lib/domain/hours/use-cases/queries.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.exportMyHoursCsv, async ({ user, query }) => {
  const year = yearOr(query.year);
  const csv = volunteerYearCsv(await listMyEntries(deps, user, year));
  return new HttpResponse(200, csv, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="brivpratigais-darbs-${year}.csv"` });
});
