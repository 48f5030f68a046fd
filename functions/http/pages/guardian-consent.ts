// The guardian-consent API: a youth asks their guardian (who gets a signed link), coordinators read records, see
// withdrawals, record a signed paper form with its scan and a withdrawal that came on paper. One function; the route key picks the handler.
import type { Context } from 'aws-lambda';
import {
  consentOf, listConsents, recordConsentWithdrawal, recordPaperConsent, requestConsentScanUpload, requestGuardianConsent,
} from '../../../lib/domain/hours/use-cases/guardian-consent.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { pageRoutes } from '../../../lib/http/page-routes.js';
import { consentDeps } from '../../../lib/wiring/pages.js';

const deps = consentDeps();
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

const handlers = {
  [key(pageRoutes.requestGuardianConsent)]: httpRoute(pageRoutes.requestGuardianConsent, async ({ user, body }) =>
    new HttpResponse(201, await requestGuardianConsent(deps, user, body))),
  [key(pageRoutes.getMyGuardianConsent)]: httpRoute(pageRoutes.getMyGuardianConsent, ({ user }) => consentOf(deps, user, user.sub)),
  [key(pageRoutes.getGuardianConsent)]: httpRoute(pageRoutes.getGuardianConsent, ({ user, params }) => consentOf(deps, user, params.id)),
  [key(pageRoutes.requestConsentScanUpload)]: httpRoute(pageRoutes.requestConsentScanUpload, async ({ user, params, body }) =>
    new HttpResponse(201, await requestConsentScanUpload(deps, user, params.id, body))),
  [key(pageRoutes.recordPaperConsent)]: httpRoute(pageRoutes.recordPaperConsent, ({ user, params, body }) => recordPaperConsent(deps, user, params.id, body)),
  [key(pageRoutes.recordConsentWithdrawal)]: httpRoute(pageRoutes.recordConsentWithdrawal, ({ user, params, body }) => recordConsentWithdrawal(deps, user, params.id, body)),
  [key(pageRoutes.listGuardianConsents)]: httpRoute(pageRoutes.listGuardianConsents, async ({ user, params, query }) =>
    ({ items: await listConsents(deps, user, params.code, query.status) })),
};

export const handler = async (event: HttpEvent, context: Context) => {
  const route = handlers[event.routeKey ?? ''];
  if (!route) return { statusCode: 404, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }) };
  return route(event, context);
};
