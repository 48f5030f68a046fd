// The staff account reads: a municipality's users, the agency's, and a supervisor's pending queue (e.g. after a deactivation).
import type { Context } from 'aws-lambda';
import { listStaff, pendingOfStaff } from '../../../lib/domain/accounts/use-cases/invitations.js';
import { accountRoutes as routes } from '../../../lib/http/account-routes.js';
import { httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { invitationDeps } from '../../../lib/wiring/invitations.js';

const deps = invitationDeps();

const BY_ROUTE = {
  [`${routes.listMunicipalityUsers.method} ${routes.listMunicipalityUsers.path}`]:
    httpRoute(routes.listMunicipalityUsers, async ({ user, params }) => ({ items: await listStaff(deps, user, params.code) })),
  [`${routes.listAgencyUsers.method} ${routes.listAgencyUsers.path}`]:
    httpRoute(routes.listAgencyUsers, async ({ user }) => ({ items: await listStaff(deps, user, null) })),
  [`${routes.listMunicipalityUserQueue.method} ${routes.listMunicipalityUserQueue.path}`]:
    httpRoute(routes.listMunicipalityUserQueue, async ({ user, params }) => ({ items: await pendingOfStaff(deps, user, params.code, params.sub) })),
};

export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
