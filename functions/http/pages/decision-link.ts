// GET and POST /l/{token} — a supervisor's decision link: GET shows the confirmation, only POST (with its CSRF token) decides.
import { decideByLink, openDecisionLink } from '../../../lib/domain/hours/use-cases/decision-links.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { pageRoutes } from '../../../lib/http/page-routes.js';
import { decisionPageStatus, renderDecisionPage } from '../../../lib/pages/decision-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { formPageHandler, LINK_PAGE_HEADERS, postedForm } from '../../../lib/pages/form-post.js';
import { decisionLinkDeps } from '../../../lib/wiring/pages.js';

const deps = decisionLinkDeps();

const show = httpRoute(pageRoutes.decisionLinkPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openDecisionLink(deps, params.token);
  const self = `/l/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(decisionPageStatus(page), renderDecisionPage(page, language, self), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

/** A cross-site post is refused like a missing CSRF token (form-post.ts). */
const decide = httpRoute(pageRoutes.decideByLink, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const self = `/l/${encodeURIComponent(params.token)}?lang=${language}`;
  const { form, sameOrigin } = postedForm(headers);
  const minutes = form.get('approvedMinutes');
  const page = sameOrigin
    ? await decideByLink(deps, params.token, {
      csrf: form.get('csrf') ?? undefined, comment: form.get('comment') ?? undefined,
      ...(minutes ? { approvedMinutes: Number(minutes) } : {}),
    })
    : { state: 'invalid' as const };
  return new HttpResponse(decisionPageStatus(page), renderDecisionPage(page, language, self), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

export const handler = formPageHandler(show, decide);
