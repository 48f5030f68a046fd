// Check-in at the venue without the app: GET /venue/{token} (the supervisor's screen: the current code and its QR),
// GET /check-in/{opportunityId}/{shift} (what the QR opens: the shift and a sign-in form) and its POST (signs the young
// person in and checks them in through the same use case as the API; a cross-site post is refused).
import type { Context } from 'aws-lambda';
import { checkInByPage, openCheckInPage, openVenueDisplay } from '../../../lib/domain/youth-house/check-in-pages.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { qrSvg } from '../../../lib/http/qr-svg.js';
import { attendanceRoutes } from '../../../lib/http/youth-house-attendance-routes.js';
import { checkInPageStatus, renderCheckInPage, renderVenuePage, venuePageStatus } from '../../../lib/pages/check-in-page.js';
import { formPageHandler, LINK_PAGE_HEADERS, postedForm } from '../../../lib/pages/form-post.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { checkInPageDeps } from '../../../lib/wiring/youth-house-attendance.js';

const deps = checkInPageDeps();

const venue = httpRoute(attendanceRoutes.getVenueDisplay, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openVenueDisplay(deps, params.token);
  const self = `/venue/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(venuePageStatus(page), renderVenuePage(page, language, self, deps.clock.now(), qrSvg), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

const show = httpRoute(attendanceRoutes.getCheckInPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openCheckInPage(deps, params.opportunityId, params.shift, query.code);
  return new HttpResponse(checkInPageStatus(page), renderCheckInPage(page, language), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

const submit = httpRoute(attendanceRoutes.postCheckInPage, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const { form, sameOrigin } = postedForm(headers);
  const page = sameOrigin
    ? await checkInByPage(deps, params.opportunityId, params.shift, {
      code: form.get('code') ?? undefined, email: form.get('email') ?? undefined, password: form.get('password') ?? undefined,
    })
    : { state: 'invalid' as const };
  return new HttpResponse(checkInPageStatus(page), renderCheckInPage(page, language), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

const checkInForm = formPageHandler(show, submit);

export const handler = (event: HttpEvent, context: Context) =>
  event.routeKey === `${attendanceRoutes.getVenueDisplay.method} ${attendanceRoutes.getVenueDisplay.path}` ? venue(event, context) : checkInForm(event, context);
