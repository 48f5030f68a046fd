// The youth house's attendance reads: the coordinator's report (JSON, CSV) and a young person's own sign-ups.
import type { Context } from 'aws-lambda';
import { mySignUps } from '../../../lib/domain/youth-house/attendance.js';
import { attendanceReport, attendanceReportCsv } from '../../../lib/domain/youth-house/attendance-report.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { attendanceRoutes } from '../../../lib/http/youth-house-attendance-routes.js';
import { attendanceDeps } from '../../../lib/wiring/youth-house-attendance.js';

const deps = attendanceDeps();

const json = httpRoute(attendanceRoutes.getAttendanceReport, ({ user, params }) => attendanceReport(deps, user, params.code));
const csv = httpRoute(attendanceRoutes.getAttendanceReportCsv, async ({ user, params }) => {
  const text = attendanceReportCsv(await attendanceReport(deps, user, params.code));
  return new HttpResponse(200, text, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="apmeklejums-${params.code}.csv"` });
});
const mine = httpRoute(attendanceRoutes.listMySignUps, ({ user, query }) => mySignUps(deps, user, query));

const BY_ROUTE = {
  [`${attendanceRoutes.getAttendanceReport.method} ${attendanceRoutes.getAttendanceReport.path}`]: json,
  [`${attendanceRoutes.getAttendanceReportCsv.method} ${attendanceRoutes.getAttendanceReportCsv.path}`]: csv,
  [`${attendanceRoutes.listMySignUps.method} ${attendanceRoutes.listMySignUps.path}`]: mine,
};

export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
