// GET /v1/volunteers/me — the youth's own volunteer profile.
import { getMyProfile } from '../../../lib/domain/hours/use-cases/volunteer-profile.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.getMyVolunteerProfile, ({ user }) => getMyProfile(deps, user));
