// POST /v1/hour-entries/{entryId}/reversal — a coordinator reverses an approved entry with a reason.
import { reverseEntry } from '../../../lib/domain/hours/use-cases/decide-entry.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.reverseHourEntry, ({ user, params, body }) => reverseEntry(deps, user, params.entryId, body.reason));
