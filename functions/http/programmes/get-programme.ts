// GET /v1/municipalities/{code}/hours-programme — the recognition programme (defaults until set).
import { getProgramme } from '../../../lib/domain/hours/use-cases/programme.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.getHoursProgramme, ({ user, params }) => getProgramme(deps, user, params.code));
