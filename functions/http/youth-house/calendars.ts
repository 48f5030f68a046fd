// iCalendar feeds: a municipality's upcoming shifts (no login), a youth's own shifts by private link, and that link.
import type { Context } from 'aws-lambda';
import {
  calendarLinkStatus, personalShiftCalendar, revokeCalendarLink, rotateCalendarLink, shiftCalendar,
} from '../../../lib/domain/youth-house/feed-use-cases.js';
import { ICAL_CONTENT_TYPE, renderCalendar } from '../../../lib/feeds/ical.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
// the context's own route list, not lib/http/routes.ts: the other contexts' schemas would push the ics bundle past its budget
import { youthHouseFeedRoutes as routes } from '../../../lib/http/youth-house-feed-routes.js';
import { feedDeps } from '../../../lib/wiring/youth-house-feeds.js';

const deps = feedDeps();

const BY_ROUTE = {
  [`${routes.getShiftCalendar.method} ${routes.getShiftCalendar.path}`]: httpRoute(routes.getShiftCalendar, async ({ params, query, lang }) =>
    new HttpResponse(200, renderCalendar(await shiftCalendar(deps, params.code, query.lang ?? lang)), { 'content-type': ICAL_CONTENT_TYPE })),
  [`${routes.getPersonalCalendar.method} ${routes.getPersonalCalendar.path}`]: httpRoute(routes.getPersonalCalendar, async ({ params, query, lang }) =>
    // personal data behind a secret URL: no shared cache may keep it
    new HttpResponse(200, renderCalendar(await personalShiftCalendar(deps, params.token, query.lang ?? lang)), { 'content-type': ICAL_CONTENT_TYPE, 'cache-control': 'private, no-store' })),
  [`${routes.getMyCalendarLink.method} ${routes.getMyCalendarLink.path}`]: httpRoute(routes.getMyCalendarLink, ({ user }) => calendarLinkStatus(deps, user)),
  [`${routes.rotateMyCalendarLink.method} ${routes.rotateMyCalendarLink.path}`]: httpRoute(routes.rotateMyCalendarLink, ({ user }) => rotateCalendarLink(deps, user)),
  [`${routes.revokeMyCalendarLink.method} ${routes.revokeMyCalendarLink.path}`]: httpRoute(routes.revokeMyCalendarLink, async ({ user }) => {
    await revokeCalendarLink(deps, user);
    return new HttpResponse(204, undefined);
  }),
};

/** One function serves the calendar routes; the route key picks the route. */
export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
