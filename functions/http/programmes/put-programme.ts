// PUT /v1/municipalities/{code}/hours-programme — a coordinator sets the recognition programme.
import { putProgramme } from '../../../lib/domain/hours/use-cases/programme.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.putHoursProgramme, ({ user, params, body }) => putProgramme(deps, user, params.code, body));
