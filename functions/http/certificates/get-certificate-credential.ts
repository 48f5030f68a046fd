// GET /v1/certificates/{code}/credential — the signed OpenBadgeCredential (VC-JWT), public.
import { certificateCredential } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.getCertificateCredential, async ({ params }) =>
  new HttpResponse(200, await certificateCredential(deps, params.code), { 'content-type': 'application/vc+jwt' }));
