// GET /v1/municipalities/{code}/certificate-roster.csv — who is invited to the recognition event.
import { certificateRoster } from '../../../lib/domain/certificates/use-cases/reactions.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.getCertificateRoster, async ({ user, params, query }) =>
  new HttpResponse(200, await certificateRoster(deps, user, params.code, query.year), {
    'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="apbalvojamie-${params.code}-${query.year}.csv"`,
  }));
