// Municipality moves without the identity provider: the youth asks, reads and withdraws; coordinators list the waiting.
import type { Context } from 'aws-lambda';
import { movesWaitingFor, myMove, requestMove, withdrawMyMove } from '../../../lib/domain/accounts/use-cases/move-municipality.js';
import { accountMoveRoutes } from '../../../lib/http/account-move-routes.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { moveDeps } from '../../../lib/wiring/accounts.js';

const deps = moveDeps();
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const r = accountMoveRoutes;

const BY_ROUTE = {
  [key(r.requestMunicipalityMove)]: httpRoute(r.requestMunicipalityMove, async ({ user, body }) => new HttpResponse(201, await requestMove(deps, user, body))),
  [key(r.getMyMunicipalityMove)]: httpRoute(r.getMyMunicipalityMove, ({ user }) => myMove(deps, user)),
  [key(r.withdrawMyMunicipalityMove)]: httpRoute(r.withdrawMyMunicipalityMove, ({ user }) => withdrawMyMove(deps, user)),
  [key(r.listMunicipalityMoves)]: httpRoute(r.listMunicipalityMoves, async ({ user, params }) => ({ items: await movesWaitingFor(deps, user, params.code) })),
};

export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
