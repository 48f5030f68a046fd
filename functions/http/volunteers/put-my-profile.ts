// PUT /v1/volunteers/me — a youth creates or updates their volunteer profile.
import { putMyProfile } from '../../../lib/domain/hours/use-cases/volunteer-profile.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { hoursRoutes } from '../../../lib/http/hours-routes.js';

const deps = hoursDeps();

export const handler = httpRoute(hoursRoutes.putMyVolunteerProfile, ({ user, body }) => putMyProfile(deps, user, body));
