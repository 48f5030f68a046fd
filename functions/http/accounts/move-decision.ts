// POST /v1/municipality-moves/{id}/decision — the new municipality's coordinator approves or refuses a move.
import { decideMove } from '../../../lib/domain/accounts/use-cases/move-municipality.js';
import { accountMoveRoutes } from '../../../lib/http/account-move-routes.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { moveDecisionDeps } from '../../../lib/wiring/accounts.js';

const deps = moveDecisionDeps();

export const handler = httpRoute(accountMoveRoutes.decideMunicipalityMove, ({ user, params, body }) => decideMove(deps, user, params.id, body));
