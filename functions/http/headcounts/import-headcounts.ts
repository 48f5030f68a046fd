// POST /v1/headcounts — the agency imports a youth head-count file.
import { tableDeps } from '../../../lib/wiring/deps.js';
import { importHeadcounts } from '../../../lib/domain/headcounts/use-cases/import-headcounts.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { allocationRoutes } from '../../../lib/http/allocation-routes.js';

const deps = tableDeps();

export const handler = httpRoute(allocationRoutes.importHeadcounts, async ({ user, body }) => {
  const d = await importHeadcounts(deps, user, body);
  return { id: d.id, referenceYear: d.provenance.referenceYear, referenceDate: d.provenance.referenceDate, municipalities: d.lines.length, totalYouth: d.totalYouth, fileSha256: d.provenance.fileSha256 };
});
