// GET /v1/allocations/{id}/export.csv and /report.html — one run as CSV or as an HTML report (one function, two routes).
import { repositories } from '../../../lib/wiring/deps.js';
import { runCsvFile, runHtml } from '../../../lib/domain/allocation/report.js';
import { getAllocationRun } from '../../../lib/domain/allocation/use-cases/get-allocation-run.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';
import type { Context } from 'aws-lambda';

const deps = repositories();

const csv = httpRoute(allocationRoutes.exportAllocationCsv, async ({ user, params }) => {
  const run = await getAllocationRun(deps, user, params.id);
  return new HttpResponse(200, runCsvFile(run.lines), {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="sadalijums-${run.id}.csv"`,
  });
});

const html = httpRoute(allocationRoutes.allocationReport, async ({ user, params }) => {
  const run = await getAllocationRun(deps, user, params.id);
  return new HttpResponse(200, runHtml(run), {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
});

export const handler = (event: HttpEvent, context: Context) =>
  (event.routeKey === `${allocationRoutes.allocationReport.method} ${allocationRoutes.allocationReport.path}` ? html : csv)(event, context);
