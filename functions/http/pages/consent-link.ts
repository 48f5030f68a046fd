// GET and POST /c/{token} — a guardian's consent link: GET shows what they consent to, only POST (with its CSRF token
// and the hash of the text shown) gives or withdraws it.
import { openConsentLink, submitConsentLink } from '../../../lib/domain/hours/use-cases/guardian-consent.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { pageRoutes } from '../../../lib/http/page-routes.js';
import { consentPageStatus, renderConsentPage } from '../../../lib/pages/consent-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { formPageHandler, LINK_PAGE_HEADERS, postedForm } from '../../../lib/pages/form-post.js';
import { consentDeps } from '../../../lib/wiring/pages.js';

const deps = consentDeps();

const show = httpRoute(pageRoutes.consentPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openConsentLink(deps, params.token);
  const self = `/c/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(consentPageStatus(page), renderConsentPage(page, language, self), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

/** A cross-site post is refused like a missing CSRF token (form-post.ts). */
const submit = httpRoute(pageRoutes.consentByLink, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const self = `/c/${encodeURIComponent(params.token)}?lang=${language}`;
  const { form, ip, sameOrigin } = postedForm(headers);
  const page = sameOrigin
    ? await submitConsentLink(deps, params.token, {
      csrf: form.get('csrf') ?? undefined, action: form.get('action') ?? undefined, textSha256: form.get('textSha256') ?? undefined,
      lang: language, ip, userAgent: headers['user-agent'] ?? '',
    })
    : { state: 'invalid' as const };
  return new HttpResponse(consentPageStatus(page), renderConsentPage(page, language, self), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

export const handler = formPageHandler(show, submit);
