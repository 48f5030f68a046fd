// The youth house's attendance: a shift's roster, marking present / no-show, the check-in code (with its QR), the venue
// display's link and check-ins.
import type { Context } from 'aws-lambda';
import { checkIn, checkInCode, markAttendance, shiftRoster, venueDisplayLink } from '../../../lib/domain/youth-house/attendance.js';
import { httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { qrSvg } from '../../../lib/http/qr-svg.js';
import { attendanceRoutes } from '../../../lib/http/youth-house-attendance-routes.js';
import { attendanceDeps } from '../../../lib/wiring/youth-house-attendance.js';

const deps = attendanceDeps();

const roster = httpRoute(attendanceRoutes.getShiftRoster, ({ user, params }) => shiftRoster(deps, user, params.opportunityId, params.shift));
const mark = httpRoute(attendanceRoutes.markAttendance, ({ user, params, body }) => markAttendance(deps, user, params.opportunityId, params.shift, params.youthId, body.status));
const code = httpRoute(attendanceRoutes.getCheckInCode, async ({ user, params }) => {
  const c = await checkInCode(deps, user, params.opportunityId, params.shift);
  return { ...c, qrSvg: qrSvg(c.qrText) };
});
const display = httpRoute(attendanceRoutes.getVenueDisplayLink, ({ user, params }) => venueDisplayLink(deps, user, params.opportunityId, params.shift));
const check = httpRoute(attendanceRoutes.checkInToShift, ({ user, params, body }) => checkIn(deps, user, params.opportunityId, params.shift, body.code));

const BY_ROUTE = {
  [`${attendanceRoutes.getShiftRoster.method} ${attendanceRoutes.getShiftRoster.path}`]: roster,
  [`${attendanceRoutes.markAttendance.method} ${attendanceRoutes.markAttendance.path}`]: mark,
  [`${attendanceRoutes.getCheckInCode.method} ${attendanceRoutes.getCheckInCode.path}`]: code,
  [`${attendanceRoutes.getVenueDisplayLink.method} ${attendanceRoutes.getVenueDisplayLink.path}`]: display,
  [`${attendanceRoutes.checkInToShift.method} ${attendanceRoutes.checkInToShift.path}`]: check,
};

export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
