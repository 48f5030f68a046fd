// GET /v1/headcounts — imported head-count datasets, newest first.
import { repositories } from '../../../lib/wiring/deps.js';
import { listHeadcountDatasets } from '../../../lib/domain/allocation/use-cases/list-allocation-runs.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = repositories();

export const handler = httpRoute(routes.listHeadcountDatasets, ({ user, query }) => listHeadcountDatasets(deps, user, query.limit));
