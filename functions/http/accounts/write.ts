// The staff account writes: invite, resend, revoke, accept an invitation; deactivate and reactivate an account.
import type { Context } from 'aws-lambda';
import {
  acceptInvitation, inviteStaff, resendInvitation, revokeInvitation, setStaffActive,
} from '../../../lib/domain/accounts/use-cases/invitations.js';
import { accountRoutes as routes } from '../../../lib/http/account-routes.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { invitationDeps } from '../../../lib/wiring/invitations.js';

const deps = invitationDeps();

const created = (view: { id: string }) => new HttpResponse(201, view, { location: `/v1/invitations/${view.id}` });
const BY_ROUTE = {
  [`${routes.inviteMunicipalStaff.method} ${routes.inviteMunicipalStaff.path}`]:
    httpRoute(routes.inviteMunicipalStaff, async ({ user, params, body }) => created(await inviteStaff(deps, user, params.code, body))),
  [`${routes.inviteAgencyStaff.method} ${routes.inviteAgencyStaff.path}`]:
    httpRoute(routes.inviteAgencyStaff, async ({ user, body }) => created(await inviteStaff(deps, user, null, body))),
  [`${routes.resendInvitation.method} ${routes.resendInvitation.path}`]:
    httpRoute(routes.resendInvitation, ({ user, params }) => resendInvitation(deps, user, params.invitationId)),
  [`${routes.revokeInvitation.method} ${routes.revokeInvitation.path}`]:
    httpRoute(routes.revokeInvitation, ({ user, params }) => revokeInvitation(deps, user, params.invitationId)),
  [`${routes.acceptInvitation.method} ${routes.acceptInvitation.path}`]:
    httpRoute(routes.acceptInvitation, async ({ params, body }) => new HttpResponse(201, await acceptInvitation(deps, params.invitationId, body.token, body.password))),
  [`${routes.setMunicipalityUserActive.method} ${routes.setMunicipalityUserActive.path}`]:
    httpRoute(routes.setMunicipalityUserActive, ({ user, params, body }) => setStaffActive(deps, user, params.code, params.sub, body.active)),
};

/** One function serves the context's writes; the route key picks the route. */
export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
