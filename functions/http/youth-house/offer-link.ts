// GET and POST /o/{token} — a waitlist offer's email link: GET shows the shift and the deadline, only POST (with its
// CSRF token) confirms or declines the place.
import type { Context } from 'aws-lambda';
import { answerOfferLink, openOfferLink } from '../../../lib/domain/youth-house/offer-links.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { PAGE_HEADERS } from '../../../lib/pages/layout.js';
import { offerPageStatus, renderOfferPage } from '../../../lib/pages/offer-page.js';
import { offerLinkDeps } from '../../../lib/wiring/youth-house-sweep.js';

const deps = offerLinkDeps();
const NO_STORE = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'accept-language' };

const show = httpRoute(routes.offerLinkPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openOfferLink(deps, params.token);
  const self = `/o/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(offerPageStatus(page), renderOfferPage(page, language, self), { ...NO_STORE, 'content-language': language });
});

/** The form arrives url-encoded; a cross-site post (Origin of another host) is refused like a missing CSRF token. */
const submit = httpRoute(routes.answerOfferByLink, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const self = `/o/${encodeURIComponent(params.token)}?lang=${language}`;
  const origin = headers.origin;
  const sameOrigin = origin === undefined || (origin !== 'null' && URL.parse(origin)?.host === headers.host);
  const form = new URLSearchParams(bodies.get(headers) ?? '');
  const page = sameOrigin
    ? await answerOfferLink(deps, params.token, { csrf: form.get('csrf') ?? undefined, action: form.get('action') ?? undefined })
    : { state: 'invalid' as const };
  return new HttpResponse(offerPageStatus(page), renderOfferPage(page, language, self), { ...NO_STORE, 'content-language': language });
});

/** The raw form body of an invocation, by its headers object (the middleware parses JSON only). */
const bodies = new WeakMap<object, string>();

export const handler = async (event: HttpEvent, context: Context) => {
  if (event.requestContext?.http?.method !== 'POST') return show(event, context);
  event.headers ??= {};
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  bodies.set(event.headers, body.slice(0, 10_000));
  return submit(event, context);
};
