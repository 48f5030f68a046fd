// PUT /v1/volunteers/me — a youth creates or updates their volunteer profile.
import { putMyProfile } from '../../../lib/domain/hours/use-cases/volunteer-profile.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.putMyVolunteerProfile, ({ user, body }) => putMyProfile(deps, user, body));
