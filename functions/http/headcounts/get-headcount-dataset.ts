// GET /v1/headcounts/{id} — one head-count dataset with its provenance.
import { repositories } from '../../../lib/wiring/deps.js';
import { getHeadcountDataset } from '../../../lib/domain/headcounts/use-cases/get-headcount-dataset.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = repositories();

export const handler = httpRoute(allocationRoutes.getHeadcountDataset, ({ user, params }) => getHeadcountDataset(deps, user, params.id));
