// POST /v1/me/closure — a young person closes their account.
import { closeMyAccount } from '../../../lib/domain/accounts/use-cases/close-my-account.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { accountSelfRoutes } from '../../../lib/http/account-self-routes.js';
import { closureDeps } from '../../../lib/wiring/accounts.js';

const deps = closureDeps();

export const handler = httpRoute(accountSelfRoutes.closeMyAccount, ({ user }) => closeMyAccount(deps, user));
