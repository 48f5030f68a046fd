// POST /v1/hour-entries/{entryId}/reversal — a coordinator reverses an approved entry with a reason.
import { reverseEntry } from '../../../lib/domain/hours/use-cases/decide-entry.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.reverseHourEntry, ({ user, params, body }) => reverseEntry(deps, user, params.entryId, body.reason));
