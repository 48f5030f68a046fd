// The youth house's attendance: a shift's roster, marking present / no-show, the check-in code (with its QR) and check-ins.
import type { Context } from 'aws-lambda';
import { checkIn, checkInCode, markAttendance, shiftRoster } from '../../../lib/domain/youth-house/attendance.js';
import { httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { qrSvg } from '../../../lib/http/qr-svg.js';
import { routes } from '../../../lib/http/routes.js';
import { attendanceDeps } from '../../../lib/wiring/youth-house-attendance.js';

const deps = attendanceDeps();

const roster = httpRoute(routes.getShiftRoster, ({ user, params }) => shiftRoster(deps, user, params.opportunityId, params.shift));
const mark = httpRoute(routes.markAttendance, ({ user, params, body }) => markAttendance(deps, user, params.opportunityId, params.shift, params.youthId, body.status));
const code = httpRoute(routes.getCheckInCode, async ({ user, params }) => {
  const c = await checkInCode(deps, user, params.opportunityId, params.shift);
  return { ...c, qrSvg: qrSvg(c.qrText) };
});
const check = httpRoute(routes.checkInToShift, ({ user, params, body }) => checkIn(deps, user, params.opportunityId, params.shift, body.code));

const BY_ROUTE = {
  [`${routes.getShiftRoster.method} ${routes.getShiftRoster.path}`]: roster,
  [`${routes.markAttendance.method} ${routes.markAttendance.path}`]: mark,
  [`${routes.getCheckInCode.method} ${routes.getCheckInCode.path}`]: code,
  [`${routes.checkInToShift.method} ${routes.checkInToShift.path}`]: check,
};

export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
