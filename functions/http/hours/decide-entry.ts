// POST /v1/hour-entries/{entryId}/decision — a supervisor decides one pending entry.
import { decideEntry } from '../../../lib/domain/hours/use-cases/decide-entry.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.decideHourEntry, ({ user, params, body }) => decideEntry(deps, user, params.entryId, body));
