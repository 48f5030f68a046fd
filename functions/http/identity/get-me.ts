// GET /v1/me — the signed-in user as the platform sees them.
import { repositories } from '../../../lib/wiring/deps.js';
import { describeMe } from '../../../lib/domain/identity/use-cases/describe-me.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';

const deps = repositories();

export const handler = httpRoute(platformRoutes.getMe, ({ user }) => describeMe(deps, user));
