// GET /v1/review/applications — the agency's review queue by status and cohort.
import { reviewQueue } from '../../../lib/domain/applications/use-cases/read-applications.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { applicationDeps } from '../../../lib/wiring/deps.js';

const deps = applicationDeps();

export const handler = httpRoute(applicationRoutes.reviewQueue, async ({ user, query }) => ({ items: await reviewQueue(deps, user, query) }));
