// POST /v1/hour-entries/decisions — a supervisor decides up to 100 entries; 207 with one status per item.
import { decideEntries } from '../../../lib/domain/hours/use-cases/decide-entry.js';
import { problemFor } from '../../../lib/http/error-map.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.decideHourEntries, async ({ user, body, lang, correlationId }) => {
  const results = await decideEntries(deps, user, body.items);
  const items = results.map((r) => {
    if (r.entry) return { entryId: r.entryId, status: 200, entry: r.entry };
    const { problem } = problemFor(r.error, lang, correlationId);
    return { entryId: r.entryId, status: problem.status, problem };
  });
  return new HttpResponse(207, { items });
});
