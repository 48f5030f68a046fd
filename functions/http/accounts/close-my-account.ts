// POST /v1/me/closure — a young person closes their account.
import { closeMyAccount } from '../../../lib/domain/accounts/use-cases/close-my-account.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { closureDeps } from '../../../lib/wiring/accounts.js';

const deps = closureDeps();

export const handler = httpRoute(routes.closeMyAccount, ({ user }) => closeMyAccount(deps, user));
