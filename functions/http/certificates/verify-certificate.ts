// GET /v1/certificates/{code} — public verification of a certificate code: JSON for API clients, a 303 to the page for browsers.
import { verifyCertificate } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { prefersHtml } from '../../../lib/http/negotiate.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.verifyCertificate, async ({ params, headers }) => {
  if (prefersHtml(headers.accept)) {
    return new HttpResponse(303, '', { location: `/v/${encodeURIComponent(params.code)}`, vary: 'accept', 'content-type': 'text/plain; charset=utf-8' });
  }
  return new HttpResponse(200, await verifyCertificate(deps, params.code), { vary: 'accept' });
});
