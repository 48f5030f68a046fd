// GET /v1/me — the signed-in user as the platform sees them.
import { repositories } from '../../../lib/wiring/deps.js';
import { describeMe } from '../../../lib/domain/identity/use-cases/describe-me.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = repositories();

export const handler = httpRoute(routes.getMe, ({ user }) => describeMe(deps, user));
