// GET and POST /o/{token} — a waitlist offer's email link: GET shows the shift and the deadline, only POST (with its
// CSRF token) confirms or declines the place.
import { answerOfferLink, openOfferLink } from '../../../lib/domain/youth-house/offer-links.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { youthHouseRoutes } from '../../../lib/http/youth-house-routes.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { formPageHandler, LINK_PAGE_HEADERS, postedForm } from '../../../lib/pages/form-post.js';
import { offerPageStatus, renderOfferPage } from '../../../lib/pages/offer-page.js';
import { offerLinkDeps } from '../../../lib/wiring/youth-house-sweep.js';

const deps = offerLinkDeps();

const show = httpRoute(youthHouseRoutes.offerLinkPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openOfferLink(deps, params.token);
  const self = `/o/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(offerPageStatus(page), renderOfferPage(page, language, self), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

/** A cross-site post is refused like a missing CSRF token (form-post.ts). */
const submit = httpRoute(youthHouseRoutes.answerOfferByLink, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const self = `/o/${encodeURIComponent(params.token)}?lang=${language}`;
  const { form, sameOrigin } = postedForm(headers);
  const page = sameOrigin
    ? await answerOfferLink(deps, params.token, { csrf: form.get('csrf') ?? undefined, action: form.get('action') ?? undefined })
    : { state: 'invalid' as const };
  return new HttpResponse(offerPageStatus(page), renderOfferPage(page, language, self), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

export const handler = formPageHandler(show, submit);
