// GET and POST /c/{token} — a guardian's consent link: GET shows what they consent to, only POST (with its CSRF token
// and the hash of the text shown) gives or withdraws it.
import type { Context } from 'aws-lambda';
import { openConsentLink, submitConsentLink } from '../../../lib/domain/hours/use-cases/guardian-consent.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { consentPageStatus, renderConsentPage } from '../../../lib/pages/consent-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { PAGE_HEADERS } from '../../../lib/pages/layout.js';
import { consentDeps } from '../../../lib/wiring/pages.js';

const deps = consentDeps();
const NO_STORE = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'accept-language' };

const show = httpRoute(routes.consentPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openConsentLink(deps, params.token);
  const self = `/c/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(consentPageStatus(page), renderConsentPage(page, language, self), { ...NO_STORE, 'content-language': language });
});

/** The form arrives url-encoded; a cross-site post (Origin of another host) is refused like a missing CSRF token. */
const submit = httpRoute(routes.consentByLink, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const self = `/c/${encodeURIComponent(params.token)}?lang=${language}`;
  const origin = headers.origin;
  const sameOrigin = origin === undefined || (origin !== 'null' && URL.parse(origin)?.host === headers.host);
  const request = requests.get(headers);
  const form = new URLSearchParams(request?.body ?? '');
  const page = sameOrigin
    ? await submitConsentLink(deps, params.token, {
      csrf: form.get('csrf') ?? undefined, action: form.get('action') ?? undefined, textSha256: form.get('textSha256') ?? undefined,
      lang: language, ip: request?.ip ?? '', userAgent: headers['user-agent'] ?? '',
    })
    : { state: 'invalid' as const };
  return new HttpResponse(consentPageStatus(page), renderConsentPage(page, language, self), { ...NO_STORE, 'content-language': language });
});

/** The raw form body and source IP of an invocation, by its headers object (the middleware parses JSON only). */
const requests = new WeakMap<object, { body: string; ip: string }>();

export const handler = async (event: HttpEvent, context: Context) => {
  if (event.requestContext?.http?.method !== 'POST') return show(event, context);
  event.headers ??= {};
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  requests.set(event.headers, { body: body.slice(0, 10_000), ip: event.requestContext.http.sourceIp ?? '' });
  return submit(event, context);
};
