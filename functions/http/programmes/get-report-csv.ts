// GET /v1/municipalities/{code}/hours-report.csv — the municipality's hours report as CSV.
import { municipalityReportCsv } from '../../../lib/domain/hours/exports.js';
import { municipalityReport } from '../../../lib/domain/hours/use-cases/queries.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.getHoursReportCsv, async ({ user, params, query }) => {
  const year = yearOr(query.year);
  const csv = municipalityReportCsv(await municipalityReport(deps, user, params.code, year));
  return new HttpResponse(200, csv, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="stundas-${params.code}-${year}.csv"` });
});
