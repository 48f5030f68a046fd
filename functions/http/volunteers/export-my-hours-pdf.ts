// GET /v1/volunteers/me/hours.pdf — the youth's statement of approved hours for a year.
import { myYearStatement } from '../../../lib/domain/hours/use-cases/export-year.js';
import { yearOr } from '../../../lib/http/year.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';
import { renderHoursStatement } from '../../../lib/pdf/hours-statement.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.exportMyHoursPdf, async ({ user, query }) => {
  const year = yearOr(query.year);
  const pdf = await renderHoursStatement(await myYearStatement(deps, user, year));
  return new HttpResponse(200, Buffer.from(pdf).toString('base64'), {
    'content-type': 'application/pdf', 'content-disposition': `attachment; filename="izzina-${year}.pdf"`,
  }, true);
});
