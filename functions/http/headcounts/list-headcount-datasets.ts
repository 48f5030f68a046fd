// GET /v1/headcounts — imported head-count datasets, newest first.
import { repositories } from '../../../lib/wiring/deps.js';
import { listHeadcountDatasets } from '../../../lib/domain/allocation/use-cases/list-allocation-runs.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = repositories();

export const handler = httpRoute(allocationRoutes.listHeadcountDatasets, ({ user, query }) => listHeadcountDatasets(deps, user, query.limit));
