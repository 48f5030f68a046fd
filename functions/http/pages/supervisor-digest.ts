// PUT /v1/supervisors/me/digest — a supervisor turns the daily email of their pending entries on or off.
import { setDigest } from '../../../lib/domain/hours/use-cases/decision-digest.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { pageRoutes } from '../../../lib/http/page-routes.js';
import { digestDeps } from '../../../lib/wiring/pages.js';

const deps = digestDeps();

export const handler = httpRoute(pageRoutes.setSupervisorDigest, ({ user, body }) => setDigest(deps, user, body.enabled));
