// POST /v1/hour-entries — a youth logs hours; an Idempotency-Key makes retries return the first result.
import { submitEntry } from '../../../lib/domain/hours/use-cases/submit-entry.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.submitHourEntry, async ({ user, body, header }) => {
  const { entry, replayed } = await submitEntry(deps, user, body, header['idempotency-key']);
  return new HttpResponse(201, entry, { location: `/v1/hour-entries/${entry.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
});
