// GET and POST /l/{token} — a supervisor's decision link: GET shows the confirmation, only POST (with its CSRF token) decides.
import type { Context } from 'aws-lambda';
import { decideByLink, openDecisionLink } from '../../../lib/domain/hours/use-cases/decision-links.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { decisionPageStatus, renderDecisionPage } from '../../../lib/pages/decision-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { PAGE_HEADERS } from '../../../lib/pages/layout.js';
import { decisionLinkDeps } from '../../../lib/wiring/pages.js';

const deps = decisionLinkDeps();
const NO_STORE = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'accept-language' };

const show = httpRoute(routes.decisionLinkPage, async ({ params, query, lang }) => {
  const language = pageLanguage(query, lang);
  const page = await openDecisionLink(deps, params.token);
  const self = `/l/${encodeURIComponent(params.token)}?lang=${language}`;
  return new HttpResponse(decisionPageStatus(page), renderDecisionPage(page, language, self), { ...NO_STORE, 'content-language': language });
});

/** The form arrives url-encoded; a cross-site post (Origin of another host) is refused like a missing CSRF token. */
const decide = httpRoute(routes.decideByLink, async ({ params, query, lang, headers }) => {
  const language = pageLanguage(query, lang);
  const self = `/l/${encodeURIComponent(params.token)}?lang=${language}`;
  const origin = headers.origin;
  const sameOrigin = origin === undefined || (origin !== 'null' && URL.parse(origin)?.host === headers.host);
  const raw = bodies.get(headers) ?? '';
  const form = new URLSearchParams(raw);
  const minutes = form.get('approvedMinutes');
  const page = sameOrigin
    ? await decideByLink(deps, params.token, {
      csrf: form.get('csrf') ?? undefined, comment: form.get('comment') ?? undefined,
      ...(minutes ? { approvedMinutes: Number(minutes) } : {}),
    })
    : { state: 'invalid' as const };
  return new HttpResponse(decisionPageStatus(page), renderDecisionPage(page, language, self), { ...NO_STORE, 'content-language': language });
});

/** The raw form body of an invocation, by its headers object (the handler sees the event's own; the middleware parses JSON only). */
const bodies = new WeakMap<object, string>();

export const handler = async (event: HttpEvent, context: Context) => {
  if (event.requestContext?.http?.method !== 'POST') return show(event, context);
  event.headers ??= {};
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  bodies.set(event.headers, body.slice(0, 10_000));
  return decide(event, context);
};
