// PUT /v1/municipalities/{code}/hours-programme — a coordinator sets the recognition programme.
import { putProgramme } from '../../../lib/domain/hours/use-cases/programme.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.putHoursProgramme, ({ user, params, body }) => putProgramme(deps, user, params.code, body));
