// GET and POST /invitations/{invitationId}?token= — the invitee's page behind the emailed link: GET shows the
// invitation and the password form, only POST (with its CSRF token) opens the account.
import { openInvitationPage, submitInvitationPage } from '../../../lib/domain/accounts/use-cases/invitation-page.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { accountRoutes } from '../../../lib/http/account-routes.js';
import { formPageHandler, LINK_PAGE_HEADERS, postedForm } from '../../../lib/pages/form-post.js';
import { invitationPageStatus, renderInvitationPage } from '../../../lib/pages/invitation-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { invitationDeps } from '../../../lib/wiring/invitations.js';

const deps = invitationDeps();
const pathOf = (id: string, token: string) => `/invitations/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`;

const show = httpRoute(accountRoutes.invitationPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openInvitationPage(deps, params.invitationId, query.token);
  return new HttpResponse(invitationPageStatus(page), renderInvitationPage(page, language, pathOf(params.invitationId, query.token)), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

/** A cross-site post is refused like a missing CSRF token (form-post.ts). */
const submit = httpRoute(accountRoutes.acceptInvitationByPage, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const { form, sameOrigin } = postedForm(headers);
  const page = sameOrigin
    ? await submitInvitationPage(deps, params.invitationId, query.token, {
      csrf: form.get('csrf') ?? undefined, password: form.get('password') ?? undefined, confirm: form.get('confirm') ?? undefined,
    })
    : { state: 'invalid' as const };
  return new HttpResponse(invitationPageStatus(page), renderInvitationPage(page, language, pathOf(params.invitationId, query.token)), { ...LINK_PAGE_HEADERS, 'content-language': language });
});

export const handler = formPageHandler(show, submit);
