// GET /v1/volunteers/me — the youth's own volunteer profile.
import { getMyProfile } from '../../../lib/domain/hours/use-cases/volunteer-profile.js';
import { hoursDeps } from '../../../lib/wiring/deps.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';

const deps = hoursDeps();

export const handler = httpRoute(routes.getMyVolunteerProfile, ({ user }) => getMyProfile(deps, user));
